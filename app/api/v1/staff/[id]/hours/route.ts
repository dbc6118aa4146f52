import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { setStaffHours, staffHours } from "@/lib/services/hours";

export const GET = handle(endpoints.getStaffHours, ({ params }) => staffHours(params.id));
export const PUT = handle(endpoints.setStaffHours, ({ actor, params, body }) => setStaffHours(actor, params.id, body));
