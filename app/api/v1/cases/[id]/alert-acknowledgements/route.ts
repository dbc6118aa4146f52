import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { acknowledgeAlert } from "@/lib/services/recovery";

export const POST = handle(endpoints.acknowledgeAlert, ({ actor, params, body }) =>
  acknowledgeAlert(actor, params.id, body),
);
