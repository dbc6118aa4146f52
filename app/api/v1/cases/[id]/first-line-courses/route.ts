import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { startFirstLineCourse } from "@/lib/services/case-commands";

export const POST = handle(endpoints.startFirstLineCourse, ({ actor, params, body }) =>
  startFirstLineCourse(actor, params.id, body),
);
