// What the anaesthesia assessment allows on an operation day: which assessment holds (SX-2,
// SX-3) and how the patient is admitted (SX-4).
import { formatDay } from "./date-format";
import type { ClinicPolicies } from "./policies";
import { violation, type Violation } from "./rules";
import { addDays, type Day } from "./time";
import type { Admission } from "./vocabulary";

/** SX-2/SX-3: the latest assessment on or before `day`, if still valid then, or the rule that stops the operation. */
export function validAssessmentFor<A extends { assessedOn: Day }>(
  c: { assessments: A[] },
  day: Day,
  policies: ClinicPolicies,
): { ok: true; assessment: A } | { ok: false; violation: Violation } {
  if (c.assessments.length === 0) return { ok: false, violation: violation("SX-2") };
  const onOrBefore = c.assessments
    .filter((a) => a.assessedOn <= day)
    .sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1));
  const latest = onOrBefore[0];
  if (!latest)
    return { ok: false, violation: violation("SX-3", "The operation cannot fall before the anaesthesia assessment.") };
  const validUntil = addDays(latest.assessedOn, policies.assessmentValidityDays);
  if (day > validUntil) {
    return {
      ok: false,
      violation: violation(
        "SX-3",
        `The anaesthesia assessment of ${formatDay(latest.assessedOn)} was valid until ${formatDay(validUntil)}: a new assessment is needed.`,
      ),
    };
  }
  return { ok: true, assessment: latest };
}

/** SX-4: a day case only when friends or family can help at home. */
export function admissionFor(assessment: { homeSupport: boolean }): Admission {
  return assessment.homeSupport ? "day_case" : "inpatient";
}

export const standings = ["current", "superseded", "expired"] as const;
export type AssessmentStanding = (typeof standings)[number];

/**
 * SX-3 on `today` (a site day): each assessment with its last valid day (`validUntil`, the
 * policy's validity after `assessedOn`, that day included) and its standing: `current` for the
 * newest still valid (of two on one day, the later recorded), `superseded` for an older one still
 * valid, `expired` once `today` is past its last valid day. In `assessedOn` order, oldest first.
 */
export function assessmentStandings<A extends { assessedOn: Day; recordedAt?: Date }>(
  assessments: A[],
  today: Day,
  policies: ClinicPolicies,
): (A & { validUntil: Day; standing: AssessmentStanding })[] {
  const ordered = [...assessments].sort(
    (a, b) =>
      a.assessedOn.localeCompare(b.assessedOn) || (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0),
  );
  const withValidity = ordered.map((a) => ({
    ...a,
    validUntil: addDays(a.assessedOn, policies.assessmentValidityDays),
  }));
  const current = withValidity.findLast((a) => a.validUntil >= today);
  return withValidity.map((a) => ({
    ...a,
    standing: a === current ? "current" : a.validUntil >= today ? "superseded" : "expired",
  }));
}
