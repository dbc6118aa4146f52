import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { addHoursException, removeHoursExceptions } from "@/lib/services/hours";

export const POST = handle(endpoints.addHoursException, ({ actor, params, body }) =>
  addHoursException(actor, params.id, body),
);
export const DELETE = handle(endpoints.removeHoursExceptions, ({ actor, params, query }) =>
  removeHoursExceptions(actor, params.id, query),
);
