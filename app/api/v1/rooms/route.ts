import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { createRoom } from "@/lib/services/hours";
import { listRooms } from "@/lib/services/staff";

export const GET = handle(endpoints.listRooms, ({ query }) => listRooms(query.kind));
export const POST = handle(endpoints.createRoom, ({ actor, body }) => createRoom(actor, body));
