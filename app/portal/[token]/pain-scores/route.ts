import { formField, formNumber, handlePortalPost } from "@/lib/http/portal-handler";
import { reportedPainScoreInput } from "@/lib/schemas/pain-scores";
import { reportPainScore } from "@/lib/services/portal/pain-reports";

// JSON from the page's script, or the page's plain form before its script runs.
export const POST = handlePortalPost(
  {
    path: "/portal/{token}/pain-scores",
    body: reportedPainScoreInput,
    status: 201,
    fromForm: (form) => ({ score: formNumber(form, "score"), recordedOn: formField(form, "recordedOn") }),
    formAnchor: "pain",
  },
  ({ token, body }) => reportPainScore(token, body),
);
