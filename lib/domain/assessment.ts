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
