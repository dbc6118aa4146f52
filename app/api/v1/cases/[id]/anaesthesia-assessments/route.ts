import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordAnaesthesiaAssessment } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordAnaesthesiaAssessment, ({ actor, params, body }) =>
  recordAnaesthesiaAssessment(actor, params.id, body),
);
