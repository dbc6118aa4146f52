// The patient reports a pain score on their own page (OC-1): it goes to one of their cases, gets
// the time point whose window holds its day (or none), and is audited with the patient as actor.
import { db, type Tx } from "@/lib/db/client";
import { notFoundBecause } from "@/lib/domain/errors";
import type { ReportedPainScoreInput, PainScoreView } from "@/lib/schemas/pain-scores";
import { recordPatientAudit } from "../audit";
import { recordReportedPainScore } from "../pain-scores";
import { openPortal } from "./access";

/**
 * The case a patient's own score is for, or null when they have none to score:
 * 1. an open case after its operation (operated, recovery): the follow-up the outcomes measure;
 * 2. else the open case referred last (a score before the operation is a baseline);
 * 3. else the discharged case operated last: the 6- and 12-month scores often come after discharge.
 * A case closed because first-line treatment worked, or cancelled, takes no more scores. Ties go
 * to the case opened last.
 */
export async function caseForReportedScores(tx: Tx, patientId: string): Promise<string | null> {
  const cases = await tx.clinicalCase.findMany({
    where: { patientId, status: { notIn: ["closed_resolved", "cancelled"] } },
    select: {
      id: true,
      status: true,
      referredOn: true,
      createdAt: true,
      operation: { select: { operationDay: true } },
    },
    orderBy: [{ referredOn: "desc" }, { createdAt: "desc" }],
  });
  const byOperation = (a: (typeof cases)[number], b: (typeof cases)[number]) =>
    b.operation!.operationDay.getTime() - a.operation!.operationDay.getTime();
  const postOperative = cases
    .filter((c) => (c.status === "operated" || c.status === "recovery") && c.operation)
    .sort(byOperation);
  if (postOperative[0]) return postOperative[0].id;
  const open = cases.find((c) => c.status !== "discharged");
  if (open) return open.id;
  const discharged = cases.filter((c) => c.operation).sort(byOperation);
  return discharged[0]?.id ?? null;
}

/**
 * Records the pain score the holder of the link `token` reports (`input.score` 0..10, dated
 * `input.recordedOn`, else today at the case's site), at `now`, in one transaction: the link is
 * opened (openPortal), the case chosen (caseForReportedScores), the score recorded with the time
 * point its day falls in or none (source "patient", no staff member), and one audit row written
 * with the patient as the actor (`pain_score.report`, detail `{timepoint, portalLinkId}`).
 * Throws a DomainError, writing nothing: `not_found` for an unknown link or a patient with no case
 * to score; `forbidden` PORTAL_LINK_EXPIRED / PORTAL_LINK_REVOKED; `rule` OC-1 for a day to come
 * or a day before the referral.
 */
export async function reportPainScore(
  token: string,
  input: ReportedPainScoreInput,
  now = new Date(),
): Promise<PainScoreView> {
  return db().$transaction(async (tx) => {
    const session = await openPortal(tx, token, now);
    const caseId = await caseForReportedScores(tx, session.patientId);
    if (!caseId)
      throw notFoundBecause("The clinic has no treatment on record to add your pain score to. Please call the clinic.");
    const score = await recordReportedPainScore(tx, caseId, input, now);
    await recordPatientAudit(tx, session.patientId, [
      {
        action: "pain_score.report",
        entity: "pain_score",
        entityId: score.id,
        detail: { timepoint: score.timepoint, portalLinkId: session.linkId },
      },
    ]);
    return score;
  });
}
