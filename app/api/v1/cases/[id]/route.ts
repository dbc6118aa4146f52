import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { getCase } from "@/lib/services/cases";

export const GET = handle(endpoints.getCase, ({ actor, params }) => getCase(actor, params.id));
