// The surgical waiting list: clinical priority (WL-1), the two referral-to-treatment clocks
// (WL-2) and the order of the list (WL-3). Pure: days are the site's calendar days.
import type { Refusal, Stay } from "./case-decision";
import type { CaseStatus } from "./case-status";
import type { ClinicPolicies } from "./policies";
import { violation } from "./rules";
import { addDays, addMonthsClamped, daysBetween, type Day } from "./time";

/** WL-1: the UK surgical prioritisation categories, most urgent first. */
export const listingPriorities = ["P1", "P2", "P3", "P4"] as const;
export type ListingPriority = (typeof listingPriorities)[number];

export const priorityMeaning: Record<ListingPriority, string> = {
  P1: "Operate within 72 hours",
  P2: "Operate within 1 month",
  P3: "Operate within 3 months",
  P4: "May wait longer than 3 months",
};

/** WL-3: a case is on the waiting list while it is listed and neither operated nor cancelled. */
export const waitingStatuses = ["listed_for_surgery", "assessed", "scheduled"] as const satisfies readonly CaseStatus[];

export const isWaiting = (status: CaseStatus): boolean => (waitingStatuses as readonly CaseStatus[]).includes(status);

/**
 * WL-1: the day by which a priority asks for the operation: listing + 3 calendar days (P1),
 * + 1 calendar month (P2), + 3 calendar months (P3), both clamped to the month's last day; none
 * for P4.
 */
export function priorityDueOn(listedOn: Day, priority: ListingPriority): Day | null {
  switch (priority) {
    case "P1":
      return addDays(listedOn, 3);
    case "P2":
      return addMonthsClamped(listedOn, 1);
    case "P3":
      return addMonthsClamped(listedOn, 3);
    case "P4":
      return null;
  }
}

/**
 * WL-1: a surgeon may change the priority of a case waiting on the list to a different one; the
 * case keeps its status. Refused (WL-1) when the case is not waiting or the priority is the same.
 */
export function decidePriorityChange(
  c: { status: CaseStatus; priority: ListingPriority | null },
  priority: ListingPriority,
): Stay | Refusal {
  if (c.priority === null || !isWaiting(c.status))
    return {
      ok: false,
      violation: violation("WL-1", "The priority changes only while the patient waits on the list."),
    };
  if (c.priority === priority)
    return { ok: false, violation: violation("WL-1", `The priority is already ${priority}.`) };
  return { ok: true, to: null };
}

/** WL-2: the referral-to-treatment target in calendar days (the site's weeks x 7; 18 weeks = 126). */
export const rttTargetDays = (policies: Pick<ClinicPolicies, "rttTargetWeeks">): number => policies.rttTargetWeeks * 7;

/**
 * One referral-to-treatment clock (WL-2), in the site's calendar days. It runs from `startedOn`
 * until `stoppedOn` (treatment started or the case cancelled; null while it runs). `daysWaited`
 * counts to the stop, else to today; `breached` is true when the wait reached the breach day
 * without treatment (a clock stopped by cancellation never breaches after it stopped).
 */
export type RttClock = {
  startedOn: Day;
  stoppedOn: Day | null;
  daysWaited: number;
  weeksWaited: number;
  breachOn: Day;
  breached: boolean;
};

function clock(startedOn: Day, stoppedOn: Day | null, today: Day, policies: ClinicPolicies): RttClock {
  const end = stoppedOn ?? today;
  const daysWaited = Math.max(0, daysBetween(startedOn, end));
  const breachOn = addDays(startedOn, rttTargetDays(policies));
  return {
    startedOn,
    stoppedOn,
    daysWaited,
    weeksWaited: Math.floor(daysWaited / 7),
    breachOn,
    breached: end > breachOn,
  };
}

const earliest = (...days: (Day | null)[]): Day | null => days.filter((d): d is Day => d !== null).sort()[0] ?? null;

/**
 * WL-2, first clock: referral -> the start of first-line treatment (the first definitive
 * treatment). A cancelled case stops it on its cancellation day.
 */
export function referralClock(
  c: { referredOn: Day; firstLineStartedOn: Day | null; cancelledOn: Day | null },
  today: Day,
  policies: ClinicPolicies,
): RttClock {
  return clock(c.referredOn, earliest(c.firstLineStartedOn, c.cancelledOn), today, policies);
}

/**
 * WL-2, second clock (the admitted pathway, "wait from decision to admit"): listing -> the
 * operation day. A cancelled case stops it on its cancellation day.
 */
export function admittedClock(
  c: { listedOn: Day; operatedOn: Day | null; cancelledOn: Day | null },
  today: Day,
  policies: ClinicPolicies,
): RttClock {
  return clock(c.listedOn, earliest(c.operatedOn, c.cancelledOn), today, policies);
}

/** How many calendar days before its breach day a waiting patient is marked "soon". */
export const breachSoonDays = 28;

/** A waiting patient past the breach day ("breached") or within 28 days of it ("soon"). */
export function breachStanding(breachOn: Day, today: Day): "breached" | "soon" | null {
  if (today > breachOn) return "breached";
  if (daysBetween(today, breachOn) <= breachSoonDays) return "soon";
  return null;
}

/** What orders the waiting list (WL-3). */
export type WaitingListKey = { priority: ListingPriority; breachOn: Day; listedOn: Day; caseId: string };

/**
 * WL-3: priority (P1 first), then breach day, then listing day, then case id: a total order, so
 * the list (and each page of it) is the same on every read.
 */
export function compareWaitingList(a: WaitingListKey, b: WaitingListKey): number {
  return (
    cmp(listingPriorities.indexOf(a.priority), listingPriorities.indexOf(b.priority)) ||
    cmp(a.breachOn, b.breachOn) ||
    cmp(a.listedOn, b.listedOn) ||
    cmp(a.caseId, b.caseId)
  );
}

const cmp = <T extends string | number>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);
