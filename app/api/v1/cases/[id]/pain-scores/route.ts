import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordPainScore } from "@/lib/services/pain-scores";

export const POST = handle(endpoints.recordPainScore, ({ actor, params, body }) =>
  recordPainScore(actor, params.id, body),
);
