// Each command on a case as a pure decision: given what the case holds, the input and today's
// date in the site's zone, either the violated rule or the status the case moves to (if any).
// Every status change of a case is one of these decisions (see case-decision.ts).
import { formatDay } from "./date-format";
import { validAssessmentFor } from "./assessment";
import { earliestClearance, crutchWeaningFromDay } from "./care-plan";
import type { CaseDecision, CaseMove, Opening, Refusal, Stay } from "./case-decision";
import type { CaseStatus } from "./case-status";
import type { ClinicPolicies } from "./policies";
import { violation, type Violation } from "./rules";
import { addDays, daysBetween, type Day } from "./time";
import type { Admission, AnaesthesiaType, ClearanceActivity, Measure, Outcome, PainSeverity } from "./vocabulary";

export type CaseSnapshot = {
  status: CaseStatus;
  imaging: { performedOn: Day; supportsDiagnosis: boolean }[];
  injections: { performedOn: Day; painRelieved: boolean }[];
  courses: { id: string; startedOn: Day; outcome: Outcome | null; reviewedOn: Day | null }[];
  listing: { listedOn: Day } | null;
  assessments: { assessedOn: Day; anaesthesiaType: AnaesthesiaType; homeSupport: boolean }[];
  operation: { operationDay: Day } | null;
  crutchesWeanedOn: Day | null;
  clearances: { activity: ClearanceActivity; sport: string | null }[];
};

const refuse = (v: Violation): Refusal => ({ ok: false, violation: v });
// The one place a CaseMove is made. Not checked against the state machine here: each decision
// states its own preconditions, and tests/domain/state-machine.test.ts shows that every
// decision moves only along the state machine's transitions. Each move is frozen and kept in
// `decided`, so that a copy, a spread or an object built elsewhere is refused at run time too.
const decided = new WeakSet<CaseMove>();
const move = (c: Pick<CaseSnapshot, "status">, to: CaseStatus, reason: string): CaseMove => {
  const made = Object.freeze({ ok: true, from: c.status, to, reason }) as CaseMove;
  decided.add(made);
  return made;
};

/** Whether `move` is a CaseMove this module made, unchanged (PW-3): not a copy or a forgery. */
export const isDecidedMove = (move: CaseMove): boolean => decided.has(move);

const stay: Stay = { ok: true, to: null };

const notInFuture = (day: Day, today: Day) =>
  day > today ? violation("PW-1", `The date ${formatDay(day)} is in the future.`) : null;

const beforeSurgery: CaseStatus[] = [
  "referred",
  "diagnosed",
  "first_line",
  "listed_for_surgery",
  "assessed",
  "scheduled",
];

/** The day the diagnosis was confirmed, if it was. */
function diagnosisDay(c: CaseSnapshot): Day | null {
  const days = [
    ...c.imaging.filter((i) => i.supportsDiagnosis).map((i) => i.performedOn),
    ...c.injections.filter((i) => i.painRelieved).map((i) => i.performedOn),
  ].sort();
  return days[0] ?? null;
}

/** A referral opens a case; it may be recorded after the fact, never ahead of it. */
export function decideReferral(input: { referredOn: Day }, today: Day): Opening | Refusal {
  const future = notInFuture(input.referredOn, today);
  return future ? refuse(future) : { ok: true, to: "referred", reason: "Referred with pain at the back of the ankle." };
}

export function decideImaging(
  c: CaseSnapshot,
  input: { performedOn: Day; supportsDiagnosis: boolean },
  today: Day,
): CaseDecision {
  if (!beforeSurgery.includes(c.status))
    return refuse(violation("PW-3", "Diagnostic imaging is recorded before the operation, on an open case."));
  const future = notInFuture(input.performedOn, today);
  if (future) return refuse(future);
  if (input.supportsDiagnosis && c.status === "referred")
    return move(c, "diagnosed", "Imaging supports the diagnosis (DX-3).");
  return stay;
}

export function decideDiagnosticInjection(
  c: CaseSnapshot,
  input: { performedOn: Day; painRelieved: boolean },
  today: Day,
): CaseDecision {
  if (c.imaging.length === 0) return refuse(violation("DX-2", "A diagnostic injection needs imaging first."));
  if (c.status !== "referred" || diagnosisDay(c)) {
    return refuse(violation("DX-2", "The diagnosis is already confirmed: a diagnostic injection is not indicated."));
  }
  const future = notInFuture(input.performedOn, today);
  if (future) return refuse(future);
  const firstImaging = c.imaging.map((i) => i.performedOn).sort()[0]!;
  if (input.performedOn < firstImaging) {
    return refuse(violation("PW-2", `The injection cannot be dated before the first imaging (${firstImaging}).`));
  }
  return input.painRelieved ? move(c, "diagnosed", "A diagnostic injection relieved the pain (DX-3).") : stay;
}

export function decideFirstLineCourse(
  c: CaseSnapshot,
  input: { startedOn: Day; painSeverity: PainSeverity; measures: Measure[] },
  today: Day,
): CaseDecision {
  const diagnosed = diagnosisDay(c);
  if (c.status === "referred" || !diagnosed) return refuse(violation("DX-3"));
  if (c.status !== "diagnosed" && c.status !== "first_line") {
    return refuse(violation("PW-3", "First-line treatment is for a diagnosed case that is not listed for surgery."));
  }
  if (c.courses.some((course) => course.outcome === null)) {
    return refuse(violation("FL-1", "The current first-line course must be reviewed before another starts."));
  }
  if (input.measures.length === 0) return refuse(violation("FL-1", "A first-line course needs at least one measure."));
  if (input.measures.includes("immobilisation") && input.painSeverity !== "severe") return refuse(violation("FL-2"));
  const future = notInFuture(input.startedOn, today);
  if (future) return refuse(future);
  if (input.startedOn < diagnosed)
    return refuse(violation("PW-2", `The course cannot start before the diagnosis (${diagnosed}).`));
  return c.status === "diagnosed" ? move(c, "first_line", "First-line treatment started.") : stay;
}

export function decideCourseReview(
  c: CaseSnapshot,
  courseId: string,
  input: { reviewedOn: Day; outcome: Outcome },
  today: Day,
): CaseDecision {
  const course = c.courses.find((x) => x.id === courseId);
  if (course && course.outcome !== null) return refuse(violation("FL-3", "This course has already been reviewed."));
  if (!course || c.status !== "first_line")
    return refuse(violation("PW-3", "There is no first-line course waiting for its review."));
  const future = notInFuture(input.reviewedOn, today);
  if (future) return refuse(future);
  if (input.reviewedOn < course.startedOn) {
    return refuse(
      violation("PW-2", `The review cannot be dated before the course started (${formatDay(course.startedOn)}).`),
    );
  }
  if (input.outcome === "resolved")
    return move(c, "closed_resolved", "First-line treatment resolved the symptoms (FL-3).");
  return stay;
}

export function decideListing(c: CaseSnapshot, input: { listedOn: Day }, today: Day): CaseDecision {
  const reviewed = c.courses.filter((x) => x.outcome === "failed" || x.outcome === "partly_worked");
  if (c.status !== "first_line" || reviewed.length === 0 || c.courses.some((x) => x.outcome === null)) {
    if (beforeSurgery.slice(0, 3).includes(c.status)) return refuse(violation("SX-1"));
    return refuse(violation("PW-3", "The case is already listed, or past surgery."));
  }
  const future = notInFuture(input.listedOn, today);
  if (future) return refuse(future);
  const lastReview = reviewed
    .map((x) => x.reviewedOn!)
    .sort()
    .at(-1)!;
  if (input.listedOn < lastReview)
    return refuse(violation("PW-2", `The listing cannot be dated before the course review (${lastReview}).`));
  return move(c, "listed_for_surgery", "First-line treatment failed or only partly worked (SX-1).");
}

export function decideAssessment(c: CaseSnapshot, input: { assessedOn: Day }, today: Day): CaseDecision {
  if (!["listed_for_surgery", "assessed", "scheduled"].includes(c.status) || !c.listing) {
    return refuse(
      violation("PW-3", "An anaesthesia assessment is for a case listed for surgery and not yet operated."),
    );
  }
  const future = notInFuture(input.assessedOn, today);
  if (future) return refuse(future);
  if (input.assessedOn < c.listing.listedOn) {
    return refuse(
      violation("PW-2", `The assessment cannot be dated before the listing (${formatDay(c.listing.listedOn)}).`),
    );
  }
  return c.status === "listed_for_surgery"
    ? move(c, "assessed", "Pre-operative anaesthesia assessment completed.")
    : stay;
}

/**
 * SX-2..SX-4: an arthroscopy on `day` is booked once, for an assessed case whose assessment is
 * valid that day, as a day case only with help at home; booking it schedules the case. Moving
 * the booked one (`moving`) keeps the status.
 */
export function decideArthroscopyBooking(
  c: CaseSnapshot,
  booking: { day: Day; admission?: Admission | null; moving?: boolean },
  policies: ClinicPolicies,
): CaseDecision {
  if (c.status === "listed_for_surgery") return refuse(violation("SX-2"));
  if (c.status !== "assessed" && !(booking.moving && c.status === "scheduled"))
    return refuse(violation("PW-3", "An arthroscopy is booked once, for an assessed case."));
  const valid = validAssessmentFor(c, booking.day, policies);
  if (!valid.ok) return refuse(valid.violation);
  if (booking.admission === "day_case" && !valid.assessment.homeSupport) {
    return refuse(
      violation("SX-4", "The assessment records no help at home: the patient is admitted as an inpatient."),
    );
  }
  if (booking.moving) return stay;
  const admission = booking.admission === "day_case" ? "day case" : "inpatient";
  return move(c, "scheduled", `Arthroscopy booked for ${formatDay(booking.day)} (${admission}).`);
}

/** SC-4: cancelling the booked arthroscopy returns a scheduled case to "assessed", to be booked again. */
export function decideArthroscopyCancellation(
  c: Pick<CaseSnapshot, "status">,
  input: { reason: string },
): CaseMove | Stay {
  return c.status === "scheduled" ? move(c, "assessed", `Arthroscopy cancelled: ${input.reason}`) : stay;
}

export function decideOperation(
  c: CaseSnapshot,
  input: {
    operationDay: Day;
    anaesthesiaGiven: AnaesthesiaType;
    anaesthesiaChangeReason?: string | null;
    performedLaterToday?: boolean;
  },
  today: Day,
  policies: ClinicPolicies,
): CaseDecision {
  if (c.status === "listed_for_surgery") return refuse(violation("SX-2"));
  if (c.status !== "assessed" && c.status !== "scheduled") {
    return refuse(
      violation("PW-3", "An operation is recorded once, for a case listed for surgery and assessed for anaesthesia."),
    );
  }
  const future = input.performedLaterToday
    ? violation("PW-1", "The operation time is in the future.")
    : notInFuture(input.operationDay, today);
  if (future) return refuse(future);
  const valid = validAssessmentFor(c, input.operationDay, policies);
  if (!valid.ok) return refuse(valid.violation);
  if (input.anaesthesiaGiven !== valid.assessment.anaesthesiaType && !input.anaesthesiaChangeReason?.trim()) {
    return refuse(
      violation(
        "SX-5",
        `The assessment planned ${valid.assessment.anaesthesiaType} anaesthesia: give the reason for the change.`,
      ),
    );
  }
  return move(c, "operated", "Operation recorded; post-operative plan generated (SX-6).");
}

const afterSurgery: CaseStatus[] = ["operated", "recovery"];

/**
 * The first post-operative record (a dressing, a physiotherapy session, crutch weaning, a
 * clearance) starts the recovery: an operated case moves to "recovery"; later ones stay.
 */
export function decidePostOperativeRecord(c: Pick<CaseSnapshot, "status">): CaseMove | Stay {
  return c.status === "operated" ? move(c, "recovery", "Recovery under way: first post-operative record.") : stay;
}

export function decideCrutchWeaning(c: CaseSnapshot, input: { recordedOn: Day }, today: Day): CaseDecision {
  if (!c.operation || !afterSurgery.includes(c.status))
    return refuse(violation("PW-3", "Crutch weaning is recorded after the operation, before discharge."));
  if (c.crutchesWeanedOn)
    return refuse(violation("PW-3", `The patient has been off crutches since ${formatDay(c.crutchesWeanedOn)}.`));
  const future = notInFuture(input.recordedOn, today);
  if (future) return refuse(future);
  const day = daysBetween(c.operation.operationDay, input.recordedOn);
  if (day < crutchWeaningFromDay) {
    return refuse(
      violation(
        "PO-1",
        `Crutch weaning may be recorded from day ${crutchWeaningFromDay} (${formatDay(addDays(c.operation.operationDay, crutchWeaningFromDay))}); this is day ${day}.`,
      ),
    );
  }
  return decidePostOperativeRecord(c);
}

export function decideClearance(
  c: CaseSnapshot,
  input: { activity: ClearanceActivity; clearedOn: Day; sport?: string | null },
  today: Day,
): CaseDecision {
  if (!c.operation || !afterSurgery.includes(c.status))
    return refuse(violation("PW-3", "A return to sport is cleared after the operation, before discharge."));
  if (
    c.clearances.some((x) => x.activity === input.activity && (input.activity !== "other" || x.sport === input.sport))
  ) {
    return refuse(violation("PW-3", "This activity is already cleared."));
  }
  const future = notInFuture(input.clearedOn, today);
  if (future) return refuse(future);
  if (input.activity === "other") {
    if (input.clearedOn < c.operation.operationDay)
      return refuse(violation("PW-2", "A clearance cannot be dated before the operation."));
    return decidePostOperativeRecord(c);
  }
  const earliest = earliestClearance(c.operation.operationDay, input.activity);
  if (input.clearedOn < earliest)
    return refuse(
      violation(
        "PO-6",
        `${input.activity[0]!.toUpperCase()}${input.activity.slice(1)} may be cleared from ${formatDay(earliest)}.`,
      ),
    );
  return decidePostOperativeRecord(c);
}

/** A case is cancelled (with its reason) only before the operation. */
export function decideCancellation(c: CaseSnapshot, input: { reason: string }): CaseDecision {
  if (!beforeSurgery.includes(c.status))
    return refuse(violation("PW-3", "A case is cancelled only before its operation."));
  return move(c, "cancelled", `Cancelled: ${input.reason}`);
}

/** An operated case is discharged by the surgeon, on or after the day of the operation. */
export function decideDischarge(
  c: CaseSnapshot,
  input: { dischargedOn: Day; notes?: string | null },
  today: Day,
): CaseDecision {
  if (!c.operation || !afterSurgery.includes(c.status))
    return refuse(violation("PW-3", "A case is discharged after its operation."));
  const future = notInFuture(input.dischargedOn, today);
  if (future) return refuse(future);
  if (input.dischargedOn < c.operation.operationDay)
    return refuse(violation("PW-2", "The discharge cannot be dated before the operation."));
  // The pathway discharges from recovery, which the first post-operative record starts.
  if (c.status !== "recovery") return refuse(violation("PW-3"));
  return move(
    c,
    "discharged",
    `Discharged on ${formatDay(input.dischargedOn)}${input.notes ? `: ${input.notes}` : "."}`,
  );
}
