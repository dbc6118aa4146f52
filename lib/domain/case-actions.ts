// What can be done on a case today, and if not, which rule stops it: the page shows a disabled
// action with its reason before anyone submits. Each answer asks the same decision the server
// applies, with today's date and neutral details.
import type { Activity } from "./care-plan";
import type { Decision } from "./case-decision";
import {
  decideAssessment,
  decideCancellation,
  decideClearance,
  decideDischarge,
  decideCourseReview,
  decideCrutchWeaning,
  decideDiagnosticInjection,
  decideFirstLineCourse,
  decideImaging,
  decideListing,
  decideOperation,
  type CaseSnapshot,
} from "./pathway";
import type { ClinicPolicies } from "./policies";
import type { Day } from "./time";

type CaseAction =
  | "imaging"
  | "diagnosticInjection"
  | "firstLineCourse"
  | "courseReview"
  | "listing"
  | "assessment"
  | "operation"
  | "crutchWeaning"
  | "cancel"
  | "discharge"
  | `clearance.${Activity}`;

export type Availability = { allowed: true } | { allowed: false; rule: string; reason: string };

const asAvailability = (decision: Decision): Availability =>
  decision.ok
    ? { allowed: true }
    : { allowed: false, rule: decision.violation.rule, reason: decision.violation.message };

export function caseActions(c: CaseSnapshot, today: Day, policies: ClinicPolicies): Record<CaseAction, Availability> {
  const openCourse = c.courses.find((x) => x.outcome === null);
  const latestAssessment = [...c.assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0];
  return {
    imaging: asAvailability(decideImaging(c, { performedOn: today, supportsDiagnosis: false }, today)),
    diagnosticInjection: asAvailability(
      decideDiagnosticInjection(c, { performedOn: today, painRelieved: false }, today),
    ),
    firstLineCourse: asAvailability(
      decideFirstLineCourse(c, { startedOn: today, painSeverity: "mild", measures: ["analgesics"] }, today),
    ),
    courseReview: openCourse
      ? asAvailability(decideCourseReview(c, openCourse.id, { reviewedOn: today, outcome: "failed" }, today))
      : { allowed: false, rule: "PW-3", reason: "There is no first-line course waiting for its review." },
    listing: asAvailability(decideListing(c, { listedOn: today }, today)),
    assessment: asAvailability(decideAssessment(c, { assessedOn: today }, today)),
    operation: asAvailability(
      decideOperation(
        c,
        { operationDay: today, anaesthesiaGiven: latestAssessment?.anaesthesiaType ?? "general" },
        today,
        policies,
      ),
    ),
    crutchWeaning: asAvailability(decideCrutchWeaning(c, { recordedOn: today }, today)),
    cancel: asAvailability(decideCancellation(c, { reason: "—" })),
    discharge: asAvailability(decideDischarge(c, { dischargedOn: today }, today)),
    "clearance.cycling": asAvailability(decideClearance(c, { activity: "cycling", clearedOn: today }, today)),
    "clearance.swimming": asAvailability(decideClearance(c, { activity: "swimming", clearedOn: today }, today)),
    "clearance.running": asAvailability(decideClearance(c, { activity: "running", clearedOn: today }, today)),
  };
}
