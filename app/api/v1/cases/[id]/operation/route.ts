import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordOperation } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordOperation, ({ actor, params, body }) =>
  recordOperation(actor, params.id, body),
);
