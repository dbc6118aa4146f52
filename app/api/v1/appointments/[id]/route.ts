import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { moveAppointment } from "@/lib/services/appointments";
import { getAppointment } from "@/lib/services/calendar";

export const GET = handle(endpoints.getAppointment, ({ actor, params }) => getAppointment(actor, params.id));
export const PATCH = handle(endpoints.moveAppointment, async ({ actor, params, body }) => {
  await moveAppointment(actor, params.id, body);
  return getAppointment(actor, params.id);
});
