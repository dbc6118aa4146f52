import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordPhysioSession } from "@/lib/services/recovery";

export const POST = handle(endpoints.recordPhysioSession, ({ actor, params, body }) =>
  recordPhysioSession(actor, params.id, body),
);
