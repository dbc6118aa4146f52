// The waiting list's dashboard figures, from the listings' admitted-pathway clocks (WL-2). Pure:
// days are the site's calendar days; the service hands in the clocks and the site's today.
import { addDays, type Day } from "./time";
import type { RttClock } from "./waiting-list";

/** One listing's admitted clock, and whether an operation (not a cancellation) stopped it. */
export type ListedClock = {
  clock: Pick<RttClock, "stoppedOn" | "daysWaited" | "breachOn" | "breached">;
  operated: boolean;
};

/** How many weeks ahead the breach forecast looks. */
export const forecastWeeks = 4;

/** The summary shown on the dashboards; waits in calendar days. */
export type WaitingListSummary = {
  /** Listed patients neither operated nor cancelled. */
  waiting: number;
  /** Nearest-rank median of their days waited; null when nobody waits. */
  medianDaysWaiting: number | null;
  /** Nearest-rank 90th percentile of their days waited; null when nobody waits. */
  p90DaysWaiting: number | null;
  /** See `summariseWaitingList`. */
  breachesThisMonth: number;
  /** Four weeks from today: waiting patients whose breach date falls in each. */
  forecast: { weekStarting: Day; breaches: number }[];
};

/** A wait as staff say it: "8 weeks (59 days)", "1 week (7 days)", "5 days", "1 day". */
export function waitInWords(days: number): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return days < 7 ? plural(days, "day") : `${plural(Math.floor(days / 7), "week")} (${days} days)`;
}

/**
 * The nearest-rank `percent`-th percentile (1..100) of `values`: the value at rank
 * ceil(percent / 100 x n) of the values sorted ascending (the NHS's habit, and PostgreSQL's
 * `percentile_disc`). Always one of the values; null for none.
 */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // percent x n first: a whole number divided once, so 7% of 100 is rank 7, not 7.000000000000001 -> 8.
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1]!;
}

/**
 * The waiting list's figures on `today` (WL-2, admitted pathway):
 * - `waiting`, median and 90th percentile: the clocks still running (neither operated nor cancelled).
 * - `breachesThisMonth`: listings whose wait went past the breach date on a day of today's
 *   calendar month up to today (the day after the breach date: on the breach date itself the
 *   wait is still within target), whether they are still waiting or were operated or cancelled
 *   later; and listings operated this month after their breach date (in an earlier month).
 *   Each listing counts once.
 * - `forecast`: for the four weeks starting today, today + 7, + 14 and + 21, the patients still
 *   waiting whose breach date falls in that week (they breach unless operated by it).
 */
export function summariseWaitingList(listings: readonly ListedClock[], today: Day): WaitingListSummary {
  const waiting = listings.filter((l) => l.clock.stoppedOn === null);
  const days = waiting.map((l) => l.clock.daysWaited);
  const monthStart = `${today.slice(0, 8)}01`;
  const inThisMonth = (day: Day) => day >= monthStart && day <= today;
  // Days compare as "YYYY-MM-DD" text: the wait passed its breach date this month when that date
  // is between the day before the 1st and yesterday (no date arithmetic per listing).
  const [dayBeforeMonth, yesterday] = [addDays(monthStart, -1), addDays(today, -1)];
  const breachesThisMonth = listings.filter(
    ({ clock, operated }) =>
      clock.breached &&
      ((clock.breachOn >= dayBeforeMonth && clock.breachOn <= yesterday) ||
        (operated && inThisMonth(clock.stoppedOn!))),
  ).length;
  const forecast = Array.from({ length: forecastWeeks }, (_, week) => ({
    weekStarting: addDays(today, 7 * week),
    breaches: 0,
  }));
  const forecastEnd = addDays(today, 7 * forecastWeeks);
  for (const { clock } of waiting) {
    if (clock.breachOn < today || clock.breachOn >= forecastEnd) continue;
    forecast.findLast((week) => week.weekStarting <= clock.breachOn)!.breaches++;
  }
  return {
    waiting: waiting.length,
    medianDaysWaiting: nearestRankPercentile(days, 50),
    p90DaysWaiting: nearestRankPercentile(days, 90),
    breachesThisMonth,
    forecast,
  };
}
