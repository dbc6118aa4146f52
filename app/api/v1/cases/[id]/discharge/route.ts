import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { dischargeCase } from "@/lib/services/case-commands";

export const POST = handle(endpoints.dischargeCase, ({ actor, params, body }) => dischargeCase(actor, params.id, body));
