// What the clinic records of the operation's outcome besides pain: the day the patient actually
// resumed each activity (OC-2, against its clearance, PO-6) and complications (OC-3). Pure.
import { earliestClearance, type Activity } from "./care-plan";
import { formatDay } from "./date-format";
import { violation, type Violation } from "./rules";
import { daysBetween, type Day } from "./time";
import type { ClearanceActivity, ComplicationKind, ReturnActivity } from "./vocabulary";

/** OC-2: a return to an activity needs that activity's clearance; the patient's own sport is cleared as "other". */
export function clearanceActivityOf(activity: ReturnActivity): ClearanceActivity {
  return activity === "sport" ? "other" : activity;
}

const activityWords: Record<ReturnActivity, string> = {
  cycling: "cycling",
  swimming: "swimming",
  running: "running",
  sport: "their own sport",
};

/** The first day a clearance could name (PO-6, the leaflet's timetable); none for the patient's own sport. */
export function timetableDay(operationDay: Day, activity: ReturnActivity): Day | null {
  return activity === "sport" ? null : earliestClearance(operationDay, activity satisfies Activity);
}

export type ReturnFacts = {
  /** The operation's calendar day (site zone); null when the case was not operated. */
  operationDay: Day | null;
  /** The case's clearances (PO-6), any activity. */
  clearances: { activity: ClearanceActivity; clearedOn: Day }[];
  /** The activities whose return is already recorded for the case. */
  recorded: ReturnActivity[];
};

/**
 * OC-2: whether the return to `activity` on `resumedOn` may be recorded, given `today` (site
 * zone). Refused (OC-2) when the case was not operated, the return is already recorded (one per
 * activity: the first day the patient did it again), the day is in the future or before the
 * operation, or no clearance of that activity is dated on or before it. Null when it may.
 */
export function checkActivityReturn(
  facts: ReturnFacts,
  input: { activity: ReturnActivity; resumedOn: Day },
  today: Day,
): Violation | null {
  const words = activityWords[input.activity];
  if (!facts.operationDay)
    return violation("OC-2", "A return to activity is recorded only after the operation, and this case has none.");
  if (facts.recorded.includes(input.activity))
    return violation(
      "OC-2",
      `A return to ${words} is already recorded for this case: only the first day the patient did it again is kept.`,
    );
  if (input.resumedOn > today) return violation("OC-2", `The date ${formatDay(input.resumedOn)} is in the future.`);
  if (input.resumedOn < facts.operationDay)
    return violation("OC-2", `The return cannot be dated before the operation (${formatDay(facts.operationDay)}).`);
  const wanted = clearanceActivityOf(input.activity);
  const cleared = facts.clearances
    .filter((c) => c.activity === wanted)
    .map((c) => c.clearedOn)
    .sort()[0];
  if (!cleared) return violation("OC-2", `The patient has not been cleared for ${words}: record the clearance first.`);
  if (input.resumedOn < cleared)
    return violation(
      "OC-2",
      `The patient was cleared for ${words} on ${formatDay(cleared)}: a return cannot be dated before that.`,
    );
  return null;
}

export type ReturnReadout = {
  /** Calendar days from the operation's day (day 0) to the return. */
  dayAfterOperation: number;
  /** The leaflet's first day for the activity (PO-6), as a date and as a day after the operation; null for the patient's own sport. */
  allowedFrom: Day | null;
  allowedFromDay: number | null;
  /** Days between the leaflet's first day and the return (negative: earlier than the leaflet allows); null for own sport. */
  daysAfterAllowed: number | null;
  /** In staff words: "Resumed running on day 75, 14 days after it was allowed (from day 61)." */
  summary: string;
};

/** OC-2: a recorded return against the operation and the leaflet's timetable (cycling and swimming from day 21, running from two months). */
export function returnReadout(operationDay: Day, activity: ReturnActivity, resumedOn: Day): ReturnReadout {
  const dayAfterOperation = daysBetween(operationDay, resumedOn);
  const allowedFrom = timetableDay(operationDay, activity);
  const resumed = `Resumed ${activityWords[activity]} on day ${dayAfterOperation}`;
  if (!allowedFrom)
    return {
      dayAfterOperation,
      allowedFrom: null,
      allowedFromDay: null,
      daysAfterAllowed: null,
      summary: `${resumed} (the clinician sets the date for it).`,
    };
  const allowedFromDay = daysBetween(operationDay, allowedFrom);
  const daysAfterAllowed = daysBetween(allowedFrom, resumedOn);
  const when =
    daysAfterAllowed === 0
      ? "the first day it was allowed"
      : `${Math.abs(daysAfterAllowed)} ${Math.abs(daysAfterAllowed) === 1 ? "day" : "days"} ${daysAfterAllowed > 0 ? "after" : "before"} it was allowed`;
  return {
    dayAfterOperation,
    allowedFrom,
    allowedFromDay,
    daysAfterAllowed,
    summary: `${resumed}, ${when} (from day ${allowedFromDay}).`,
  };
}

export type ComplicationFacts = {
  operationDay: Day | null;
  /** The dressing record named as the complication's source: whether it is one of this case's, and already has a complication. */
  dressingRecord?: { ofCase: boolean; complicationRecorded: boolean };
  /** The case's complications already recorded: one of the same kind on the same day is the same one. */
  recorded?: { kind: ComplicationKind; occurredOn: Day }[];
};

/**
 * OC-3: whether a complication on `occurredOn` may be recorded, given `today` (site zone).
 * Refused (OC-3) when the case was not operated, the day is before the operation day or in the
 * future, or the dressing record it was raised from is not one of the case's, or already has its
 * complication, or one of the same kind is recorded on the same day. Null when it may.
 */
export function checkComplication(
  facts: ComplicationFacts,
  input: { occurredOn: Day; kind?: ComplicationKind },
  today: Day,
): Violation | null {
  if (!facts.operationDay)
    return violation("OC-3", "A complication is recorded only after the operation, and this case has none.");
  if (input.occurredOn > today) return violation("OC-3", `The date ${formatDay(input.occurredOn)} is in the future.`);
  if (input.occurredOn < facts.operationDay)
    return violation("OC-3", `A complication cannot be dated before the operation (${formatDay(facts.operationDay)}).`);
  if (facts.dressingRecord && !facts.dressingRecord.ofCase)
    return violation("OC-3", "The dressing visit named is not one of this case's.");
  if (facts.dressingRecord?.complicationRecorded)
    return violation("OC-3", "A complication is already recorded from this dressing visit.");
  if (facts.recorded?.some((c) => c.kind === input.kind && c.occurredOn === input.occurredOn))
    return violation("OC-3", `This complication is already recorded for ${formatDay(input.occurredOn)}.`);
  return null;
}
