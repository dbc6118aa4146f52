import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { reviewFirstLineCourse } from "@/lib/services/case-commands";

export const POST = handle(endpoints.reviewFirstLineCourse, ({ actor, params, body }) =>
  reviewFirstLineCourse(actor, params.id, params.courseId, body),
);
