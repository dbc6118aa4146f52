import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listMoveRequests } from "@/lib/services/move-requests";

export const GET = handle(endpoints.listMoveRequests, ({ actor, query }) => listMoveRequests(actor, query));
