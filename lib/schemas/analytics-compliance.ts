import { z } from "zod";
import { measuredRules } from "@/lib/domain/compliance";
import { stages } from "@/lib/domain/stage-waits";
import { isoDate, uuid } from "./common";

const count = z.int().nonnegative();
const days = z.int().nullable();

/** A case behind a figure: only for roles that read the clinical record. */
const caseLink = z.object({ caseId: uuid, href: z.string(), patientName: z.string(), mrn: z.string() });

/** One rule's figures over the period (OC-5); `share` = met / eligible in 0..1, null when nothing was eligible. */
const ruleFigures = z.object({
  rule: z.enum(measuredRules),
  label: z.string(),
  eligible: count,
  met: count,
  share: z.number().min(0).max(1).nullable(),
  casesBehind: count,
  longestGapDays: days.optional(),
  cases: z.array(caseLink).optional(),
  longestGapCase: caseLink.nullable().optional(),
});

/** A stage's waits in calendar days for the cases operated in the period: nearest-rank median and 90th percentile. */
const stageSummary = z.object({
  stage: z.enum(stages),
  label: z.string(),
  cases: count,
  medianDays: days,
  p90Days: days,
});

/** OC-5: the compliance report of a period (GET /api/v1/analytics/compliance). */
export const complianceReport = z.object({
  period: z.object({ from: isoDate, to: isoDate }),
  today: isoDate,
  rules: z.array(ruleFigures),
  waits: z.object({ operations: count, stages: z.array(stageSummary) }),
});
export type ComplianceReport = z.infer<typeof complianceReport>;
export type RuleFigures = z.infer<typeof ruleFigures>;
export type CaseLink = z.infer<typeof caseLink>;
