import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listRooms } from "@/lib/services/staff";

export const GET = handle(endpoints.listRooms, ({ query }) => listRooms(query.kind));
