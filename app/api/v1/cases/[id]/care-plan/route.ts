import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { getCarePlan } from "@/lib/services/cases";

export const GET = handle(endpoints.getCarePlan, ({ actor, params }) => getCarePlan(actor, params.id));
