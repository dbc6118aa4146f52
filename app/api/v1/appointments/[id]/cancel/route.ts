import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { cancelAppointment } from "@/lib/services/appointments";
import { getAppointment } from "@/lib/services/calendar";

export const POST = handle(endpoints.cancelAppointment, async ({ actor, params, body }) => {
  await cancelAppointment(actor, params.id, body);
  return getAppointment(actor, params.id);
});
