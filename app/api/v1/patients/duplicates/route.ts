import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { findLikelyDuplicates } from "@/lib/services/patients";

export const GET = handle(endpoints.checkDuplicatePatients, ({ actor, query }) => findLikelyDuplicates(actor, query));
