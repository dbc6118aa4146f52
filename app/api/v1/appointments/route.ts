import { endpoints } from "@/lib/http/endpoints";
import { handle, json } from "@/lib/http/handler";
import { bookAppointment } from "@/lib/services/appointments";
import { getAppointment, listAppointments } from "@/lib/services/calendar";

export const GET = handle(endpoints.listAppointments, ({ actor, query }) => listAppointments(actor, query));
export const POST = handle(endpoints.bookAppointment, async ({ actor, body }) => {
  const { id } = await bookAppointment(actor, body);
  return json(await getAppointment(actor, id), 201);
});
