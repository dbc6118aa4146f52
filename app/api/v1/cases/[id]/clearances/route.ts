import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordClearance } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordClearance, ({ actor, params, body }) =>
  recordClearance(actor, params.id, body),
);
