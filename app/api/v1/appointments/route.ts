import { endpoints } from "@/lib/http/endpoints";
import { handle, json } from "@/lib/http/handler";
import { bookAppointment } from "@/lib/services/appointments";
import { listAppointments } from "@/lib/services/calendar";

export const GET = handle(endpoints.listAppointments, ({ actor, query }) => listAppointments(actor, query));
export const POST = handle(endpoints.bookAppointment, async ({ actor, body }) =>
  json(await bookAppointment(actor, body), 201),
);
