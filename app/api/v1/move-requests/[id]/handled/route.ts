import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { handleMoveRequest } from "@/lib/services/move-requests";

export const POST = handle(endpoints.handleMoveRequest, ({ actor, params, body }) =>
  handleMoveRequest(actor, params.id, body),
);
