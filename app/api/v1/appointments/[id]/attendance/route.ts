import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { markAttendance } from "@/lib/services/attendance";

export const POST = handle(endpoints.markAttendance, ({ actor, params, body }) =>
  markAttendance(actor, params.id, body),
);
