import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, daysBetween, type Day } from "@/lib/domain/time";
import { admittedClock } from "@/lib/domain/waiting-list";
import {
  forecastWeeks,
  nearestRankPercentile,
  summariseWaitingList,
  waitInWords,
  type ListedClock,
} from "@/lib/domain/waiting-list-summary";
import { dayFromToday, today } from "../setup/clock";

/** A listing's admitted clock (WL-2) as the service builds it, with the default 18-week target. */
const listed = (
  listedDaysAgo: number,
  stop: { operatedDaysAgo?: number; cancelledDaysAgo?: number } = {},
  on: Day = today(),
): ListedClock => ({
  clock: admittedClock(
    {
      listedOn: addDays(on, -listedDaysAgo),
      operatedOn: stop.operatedDaysAgo === undefined ? null : addDays(on, -stop.operatedDaysAgo),
      cancelledOn: stop.cancelledDaysAgo === undefined ? null : addDays(on, -stop.cancelledDaysAgo),
    },
    on,
    defaultPolicies,
  ),
  operated: stop.operatedDaysAgo !== undefined,
});

describe("nearest-rank percentiles of the days waited", () => {
  it("take the value at rank ceil(p x n) of the sorted waits", () => {
    const waits = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(nearestRankPercentile(waits, 50)).toBe(5);
    expect(nearestRankPercentile(waits, 90)).toBe(9);
    expect(nearestRankPercentile([42], 90)).toBe(42);
    expect(nearestRankPercentile([3, 1], 50)).toBe(1);
    // Seven waits: the median is the 4th (ceil 3.5), the 90th percentile the 7th (ceil 6.3).
    expect(nearestRankPercentile([5, 1, 4, 2, 7, 3, 6], 50)).toBe(4);
    expect(nearestRankPercentile([5, 1, 4, 2, 7, 3, 6], 90)).toBe(7);
    // 7% of 100 waits is the 7th exactly, not the 8th by a rounding error (0.07 x 100 = 7.000000000000001).
    expect(
      nearestRankPercentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        7,
      ),
    ).toBe(7);
  });

  it("are the smallest wait with at least p% of the waits at or below it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (waits, p) => {
          const value = nearestRankPercentile(waits, p)!;
          const share = (test: (w: number) => boolean) => (100 * waits.filter(test).length) / waits.length;
          expect(share((w) => w <= value)).toBeGreaterThanOrEqual(p);
          expect(share((w) => w < value)).toBeLessThan(p);
        },
      ),
    );
  });

  it("are null for nobody waiting", () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
  });

  it("lie within the shortest and longest wait, and never fall as the percentile rises", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (waits, p, q) => {
          const [low, high] = [Math.min(p, q), Math.max(p, q)];
          const atLow = nearestRankPercentile(waits, low)!;
          const atHigh = nearestRankPercentile(waits, high)!;
          expect(atLow).toBeGreaterThanOrEqual(Math.min(...waits));
          expect(atHigh).toBeLessThanOrEqual(Math.max(...waits));
          expect(atLow).toBeLessThanOrEqual(atHigh);
          expect(waits).toContain(atLow);
        },
      ),
    );
  });
});

describe("a wait in words", () => {
  it("says days under a week, else whole weeks with the days", () => {
    expect([0, 1, 6, 7, 13, 59].map(waitInWords)).toEqual([
      "0 days",
      "1 day",
      "6 days",
      "1 week (7 days)",
      "1 week (13 days)",
      "8 weeks (59 days)",
    ]);
  });
});

describe("the waiting list's summary (WL-2 admitted clock)", () => {
  it("counts the patients still waiting and their median and 90th-percentile wait in days", () => {
    const summary = summariseWaitingList(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((days) => listed(days)),
      today(),
    );
    expect(summary.waiting).toBe(10);
    expect(summary.medianDaysWaiting).toBe(50);
    expect(summary.p90DaysWaiting).toBe(90);
  });

  it("leaves operated and cancelled listings out of the waiting figures", () => {
    const summary = summariseWaitingList(
      [listed(30), listed(200, { operatedDaysAgo: 1 }), listed(150, { cancelledDaysAgo: 2 })],
      today(),
    );
    expect(summary).toMatchObject({ waiting: 1, medianDaysWaiting: 30, p90DaysWaiting: 30 });
  });

  it("has no median or 90th percentile and no breaches when nobody waits", () => {
    const summary = summariseWaitingList([], today());
    expect(summary).toMatchObject({ waiting: 0, medianDaysWaiting: null, p90DaysWaiting: null, breachesThisMonth: 0 });
    expect(summary.forecast.map((w) => w.breaches)).toEqual([0, 0, 0, 0]);
  });

  it("forecasts, for each of the four weeks from today, the waiting patients whose breach date falls in it", () => {
    // Breach date = listing + 126 days: listed 126 days ago, its breach date is today (week 1);
    // 120 days ago, in 6 days (week 1); 119 and 113, in 7 and 13 (week 2); 105 and 99, in 21 and
    // 27 (week 4); 98, in 28 (after the four weeks); 127, yesterday (already breached).
    const summary = summariseWaitingList(
      [126, 120, 119, 113, 105, 99, 98, 127].map((days) => listed(days)),
      today(),
    );
    expect(summary.forecast).toEqual([
      { weekStarting: today(), breaches: 2 },
      { weekStarting: dayFromToday(7), breaches: 2 },
      { weekStarting: dayFromToday(14), breaches: 0 },
      { weekStarting: dayFromToday(21), breaches: 2 },
    ]);
    expect(summary.forecast).toHaveLength(forecastWeeks);
  });

  it("counts this month's breaches: waits that passed their breach date this month, still waiting or not, and operations this month after the breach date", () => {
    const on: Day = `${today().slice(0, 7)}-20`;
    const at = (listedDaysAgo: number, stop: Parameters<typeof listed>[1] = {}) => listed(listedDaysAgo, stop, on);
    const summary = summariseWaitingList(
      [
        at(127), // breach date yesterday, still waiting: counted
        at(126), // breach date today: not yet passed
        at(126 + 20), // breach date the last day of last month, passed on the 1st: counted
        at(126 + 21), // passed its breach date on the last day of last month: last month's
        at(200, { operatedDaysAgo: 3 }), // operated this month after its breach date: counted
        at(200, { operatedDaysAgo: 25 }), // operated last month after its breach date: last month's
        at(140, { operatedDaysAgo: 5 }), // passed its breach date on the 7th, operated on the 15th: counted once
        at(130, { operatedDaysAgo: 4 }), // operated on its breach date: within the target
        at(135, { cancelledDaysAgo: 2 }), // passed its breach date this month, cancelled later: counted
        at(140, { cancelledDaysAgo: 15 }), // cancelled before its breach date: never breached
      ],
      on,
    );
    expect(summary.breachesThisMonth).toBe(5);
  });

  it("forecasts exactly the waiting patients whose breach date is within 28 days, each once; the waiting are forecast or breached", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            listedDaysAgo: fc.integer({ min: 0, max: 400 }),
            stop: fc.constantFrom("waiting", "operated", "cancelled"),
            stoppedDaysAgo: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const entries = rows.map(({ listedDaysAgo, stop, stoppedDaysAgo }) => {
            // A clock stops on or after the day it started.
            const daysAgo = Math.min(stoppedDaysAgo, listedDaysAgo);
            if (stop === "operated") return listed(listedDaysAgo, { operatedDaysAgo: daysAgo });
            if (stop === "cancelled") return listed(listedDaysAgo, { cancelledDaysAgo: daysAgo });
            return listed(listedDaysAgo);
          });
          const summary = summariseWaitingList(entries, today());
          const waiting = entries.filter((e) => e.clock.stoppedOn === null);
          const within28 = waiting.filter((e) => {
            const days = daysBetween(today(), e.clock.breachOn);
            return days >= 0 && days < 28;
          });
          expect(summary.waiting).toBe(waiting.length);
          expect(summary.forecast.reduce((sum, w) => sum + w.breaches, 0)).toBe(within28.length);
          expect(summary.breachesThisMonth).toBeLessThanOrEqual(entries.filter((e) => e.clock.breached).length);
          if (waiting.length > 0) {
            const days = waiting.map((e) => e.clock.daysWaited);
            expect(summary.medianDaysWaiting).toBeGreaterThanOrEqual(Math.min(...days));
            expect(summary.p90DaysWaiting).toBeLessThanOrEqual(Math.max(...days));
            expect(summary.medianDaysWaiting).toBeLessThanOrEqual(summary.p90DaysWaiting!);
          }
        },
      ),
    );
  });
});
