import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { caseOutcomes } from "@/lib/services/outcomes";

export const GET = handle(endpoints.getCaseOutcomes, ({ actor, params }) => caseOutcomes(actor, params.id));
