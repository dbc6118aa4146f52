import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { cancelAppointment } from "@/lib/services/appointments";

export const POST = handle(endpoints.cancelAppointment, ({ actor, params, body }) =>
  cancelAppointment(actor, params.id, body),
);
