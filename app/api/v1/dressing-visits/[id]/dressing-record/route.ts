import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordDressingVisit } from "@/lib/services/recovery";

export const POST = handle(endpoints.recordDressingVisit, ({ actor, params, body }) =>
  recordDressingVisit(actor, params.id, body),
);
