import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { replaceMissedDressing } from "@/lib/services/recovery";

export const POST = handle(endpoints.replaceMissedDressing, ({ actor, params, body }) =>
  replaceMissedDressing(actor, params.id, body.visitId),
);
