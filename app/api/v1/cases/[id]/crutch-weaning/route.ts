import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordCrutchWeaning } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordCrutchWeaning, ({ actor, params, body }) =>
  recordCrutchWeaning(actor, params.id, body),
);
