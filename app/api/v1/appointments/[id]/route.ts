import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { moveAppointment } from "@/lib/services/appointments";
import { getAppointment } from "@/lib/services/calendar";

export const GET = handle(endpoints.getAppointment, ({ actor, params }) => getAppointment(actor, params.id));
export const PATCH = handle(endpoints.moveAppointment, ({ actor, params, body }) =>
  moveAppointment(actor, params.id, body),
);
