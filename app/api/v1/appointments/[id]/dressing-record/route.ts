import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordDressing } from "@/lib/services/recovery";

export const POST = handle(endpoints.recordDressing, ({ actor, params, body }) =>
  recordDressing(actor, params.id, body),
);
