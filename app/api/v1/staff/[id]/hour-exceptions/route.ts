import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { addHoursException } from "@/lib/services/hours";

export const POST = handle(endpoints.addHoursException, ({ actor, params, body }) =>
  addHoursException(actor, params.id, body),
);
