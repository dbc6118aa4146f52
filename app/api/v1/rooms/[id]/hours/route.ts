import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { roomHours, setRoomHours } from "@/lib/services/hours";

export const GET = handle(endpoints.getRoomHours, ({ params }) => roomHours(params.id));
export const PUT = handle(endpoints.setRoomHours, ({ actor, params, body }) => setRoomHours(actor, params.id, body));
