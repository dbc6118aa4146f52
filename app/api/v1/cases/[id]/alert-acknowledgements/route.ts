import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { acknowledgeAlerts } from "@/lib/services/recovery-board";

export const POST = handle(endpoints.acknowledgeAlert, ({ actor, params, body }) =>
  acknowledgeAlerts(actor, params.id, body),
);
