// OC-5: how well the clinic kept its own protocol over a period, measured from one case's record
// at a time. Pure: days are the site's calendar days ("YYYY-MM-DD", compared as text); the
// service reads the record and the site's today. Each measure answers, for one case, how many of
// its items fall in the period (eligible) and how many of those kept the rule (met); the report
// adds them up. lib/services/analytics-compliance.ts computes the same figures in SQL and a test
// holds the two equal on random records.
import { earliestClearance, milestoneActivities, type Activity } from "./care-plan";
import type { ClinicPolicies } from "./policies";
import { addDays, daysBetween, type Day } from "./time";
import type { ClearanceActivity, DressingStatus, PhysioStatus } from "./vocabulary";

/** A closed range of calendar days, `from` <= `to`. */
export type Period = { from: Day; to: Day };

/** One dressing visit: its due day, its status, whether a later visit replaces it (PO-3), its record's day. */
export type DressingFact = { dueOn: Day; status: DressingStatus; replaced: boolean; recordedOn: Day | null };

/** What the measures read of one case; days are the site's. */
export type ComplianceRecord = {
  /** D0; null before the operation. */
  operationDay: Day | null;
  /** The day of the anaesthesia assessment the operation went ahead on (SX-3); null without one. */
  assessedOn: Day | null;
  /** PO-1: the planned crutch-weaning review (D10..D15) and the recorded weaning day. */
  crutchReview: { from: Day; to: Day } | null;
  crutchesWeanedOn: Day | null;
  dressings: DressingFact[];
  /** PO-4: the first physiotherapy session: its due day, status, and the day of its earliest recorded appointment. */
  firstPhysio: { dueBy: Day; status: PhysioStatus; heldOn: Day | null } | null;
  clearances: { activity: ClearanceActivity; clearedOn: Day }[];
};

/** How many of a case's items a rule counts in the period, and how many kept it. */
export type Tally = { eligible: number; met: number };

/** An item counts when its day is in the period and has come: on or before today. */
const counts = (day: Day, period: Period, today: Day) => day >= period.from && day <= period.to && day <= today;

const tally = (items: boolean[]): Tally => ({ eligible: items.length, met: items.filter(Boolean).length });

/**
 * PO-3, dressings done on their due day. Eligible: the case's dressing visits whose due day is in
 * the period and on or before today, except those cancelled (the wound healed first) and those a
 * later visit replaces (missed and re-booked: the replacement is counted instead, and the miss
 * shows as a gap, see `longestDressingGap`). Met: done, with its record written on the due day.
 * A visit due today and not yet done counts as not met until it is.
 */
export function dressingsOnDueDay(record: ComplianceRecord, period: Period, today: Day): Tally {
  return tally(
    record.dressings
      .filter((v) => v.status !== "cancelled" && !v.replaced && counts(v.dueOn, period, today))
      .map((v) => v.status === "done" && v.recordedOn === v.dueOn),
  );
}

/**
 * PO-3, the longest gap: the most calendar days between two consecutive done dressings of the
 * case (by the days their records were written), over the pairs whose later dressing was done in
 * the period. Null when no such pair exists. The rule allows 2.
 */
export function longestDressingGap(record: ComplianceRecord, period: Period): number | null {
  const done = record.dressings
    .filter((v) => v.status === "done" && v.recordedOn !== null)
    .map((v) => v.recordedOn!)
    .sort();
  let longest: number | null = null;
  for (let i = 1; i < done.length; i++) {
    if (done[i]! < period.from || done[i]! > period.to) continue;
    const gap = daysBetween(done[i - 1]!, done[i]!);
    if (longest === null || gap > longest) longest = gap;
  }
  return longest;
}

/**
 * PO-1, crutch weaning recorded within D10-D15. Eligible: a case whose review window ended (its
 * last day, D15) in the period, on or before today. Met: the weaning is recorded on a day of the
 * window.
 */
export function crutchWeaningInWindow(record: ComplianceRecord, period: Period, today: Day): Tally {
  const review = record.crutchReview;
  if (!review || !counts(review.to, period, today)) return tally([]);
  const weaned = record.crutchesWeanedOn;
  return tally([weaned !== null && weaned >= review.from && weaned <= review.to]);
}

/**
 * PO-4, first physiotherapy by its due day (the day the plan set from the site's policy,
 * D0 + `physioFirstWithinDays` when planned). Eligible: a first session, not cancelled, whose due
 * day is in the period, on or before today. Met: held (an appointment of it recorded by the
 * physiotherapist) on a day up to its due day.
 */
export function firstPhysioOnTime(record: ComplianceRecord, period: Period, today: Day): Tally {
  const first = record.firstPhysio;
  if (!first || first.status === "cancelled" || !counts(first.dueBy, period, today)) return tally([]);
  return tally([first.heldOn !== null && first.heldOn <= first.dueBy]);
}

const isMilestone = (activity: ClearanceActivity): activity is Activity =>
  (milestoneActivities as readonly string[]).includes(activity);

/**
 * PO-6, clearances on or after their earliest day (D21 for cycling and swimming, D0 + 2 months,
 * clamped to the month's end, for running). Eligible: the case's cycling, swimming and running
 * clearances given on a day of the period, on or before today (another sport has no earliest day).
 * Met: given on or after that activity's earliest day.
 */
export function clearancesNotEarly(record: ComplianceRecord, period: Period, today: Day): Tally {
  const { operationDay } = record;
  if (operationDay === null) return tally([]);
  return tally(
    record.clearances
      .filter((c) => counts(c.clearedOn, period, today))
      .flatMap((c) => (isMilestone(c.activity) ? [c.clearedOn >= earliestClearance(operationDay, c.activity)] : [])),
  );
}

/**
 * SX-3, assessment valid at the operation. Eligible: a case operated on a day of the period, on or
 * before today. Met: the operation's assessment was on or before the operation day and at most
 * `assessmentValidityDays` days before it.
 */
export function assessmentValidAtOperation(
  record: ComplianceRecord,
  period: Period,
  today: Day,
  policies: Pick<ClinicPolicies, "assessmentValidityDays">,
): Tally {
  const { operationDay, assessedOn } = record;
  if (operationDay === null || !counts(operationDay, period, today)) return tally([]);
  return tally([
    assessedOn !== null &&
      assessedOn <= operationDay &&
      operationDay <= addDays(assessedOn, policies.assessmentValidityDays),
  ]);
}

/** The rules OC-5 measures, in the report's order. */
export const measuredRules = ["PO-3", "PO-1", "PO-4", "PO-6", "SX-3"] as const;
export type MeasuredRule = (typeof measuredRules)[number];

/** Each measured rule in staff words. */
export const measureLabels: Record<MeasuredRule, string> = {
  "PO-3": "Dressings done on their due day",
  "PO-1": "Crutch weaning recorded between day 10 and day 15",
  "PO-4": "First physiotherapy held by its due day",
  "PO-6": "Sport cleared on or after its earliest day",
  "SX-3": "Anaesthesia assessment valid on the operation day",
};

/** One case's tally under every measured rule. */
export function caseCompliance(
  record: ComplianceRecord,
  period: Period,
  today: Day,
  policies: Pick<ClinicPolicies, "assessmentValidityDays">,
): Record<MeasuredRule, Tally> {
  return {
    "PO-3": dressingsOnDueDay(record, period, today),
    "PO-1": crutchWeaningInWindow(record, period, today),
    "PO-4": firstPhysioOnTime(record, period, today),
    "PO-6": clearancesNotEarly(record, period, today),
    "SX-3": assessmentValidAtOperation(record, period, today, policies),
  };
}

/** met / eligible in 0..1, or null when nothing was eligible. */
export const shareOf = ({ eligible, met }: Tally): number | null => (eligible === 0 ? null : met / eligible);
