import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPainScore,
  painOutcome,
  painScoreChoices,
  painScoreWindow,
  timepointFor,
  type PainScoreCase,
  type PainWindowDays,
  type RecordedPainScore,
} from "@/lib/domain/pain-scores";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, addMonthsClamped, daysBetween, type Day } from "@/lib/domain/time";
import { painTimepoints, scoreSources, type PainTimepoint } from "@/lib/domain/vocabulary";
import { dayFromToday, now, today } from "../setup/clock";

const windowDays: PainWindowDays = defaultPolicies.painScoreWindowDays;
const postOperative = ["week_6", "month_3", "month_6", "month_12"] as const;

/** Generated cases: referred up to ~4 years back, perhaps listed, then perhaps operated or booked. */
const cases: fc.Arbitrary<PainScoreCase> = fc
  .record({
    referredAgo: fc.integer({ min: 0, max: 1500 }),
    listedAfter: fc.option(fc.integer({ min: 0, max: 300 })),
    operatedAfter: fc.option(fc.integer({ min: 0, max: 300 })),
    booked: fc.boolean(),
  })
  .map(({ referredAgo, listedAfter, operatedAfter, booked }) => {
    const referredOn = dayFromToday(-referredAgo);
    const listedOn = listedAfter === null ? null : addDays(referredOn, listedAfter);
    const surgeryOn = listedOn && operatedAfter !== null ? addDays(listedOn, operatedAfter) : null;
    return {
      referredOn,
      listedOn,
      operatedOn: booked ? null : surgeryOn,
      arthroscopyOn: booked ? surgeryOn : null,
    };
  });
const widths: fc.Arbitrary<PainWindowDays> = fc.record(
  Object.fromEntries(painTimepoints.map((t) => [t, fc.integer({ min: 1, max: 60 })])) as Record<
    PainTimepoint,
    fc.Arbitrary<number>
  >,
);
/** A day around the case's life: from a month before its referral to ~4 years after. */
const dayAround = (kase: PainScoreCase) => fc.integer({ min: -30, max: 1500 }).map((n) => addDays(kase.referredOn, n));
const timepoints = fc.constantFrom(...painTimepoints);
const farFuture = (): Day => addDays(today(), 5000);

describe("pain score windows (OC-1)", () => {
  it("a post-operative point is its target +/- the policy's days: the operation day + 42 days, or + 3, 6, 12 calendar months clamped at the month's end (OC-1)", () => {
    fc.assert(
      fc.property(cases, widths, (kase, days) => {
        for (const timepoint of postOperative) {
          const window = painScoreWindow(timepoint, kase, days);
          if (!kase.operatedOn) {
            expect(window).toBeNull();
            continue;
          }
          const target =
            timepoint === "week_6"
              ? addDays(kase.operatedOn, 42)
              : addMonthsClamped(kase.operatedOn, { month_3: 3, month_6: 6, month_12: 12 }[timepoint]);
          expect(window).toEqual({
            timepoint,
            target,
            // Never before the referral (a wide policy window around an early target).
            from: [addDays(target, -days[timepoint]), kase.referredOn].sort()[1],
            to: addDays(target, days[timepoint]),
          });
        }
      }),
      { numRuns: 300 },
    );
    // 31 August + 6 months is the last day of February, leap year or not.
    const operatedOn = "2027-08-31";
    const kase = { referredOn: "2027-01-04", listedOn: "2027-05-04", operatedOn, arthroscopyOn: null };
    expect(painScoreWindow("month_6", kase, windowDays)?.target).toBe("2028-02-29");
    expect(painScoreWindow("month_12", kase, windowDays)).toMatchObject({
      target: "2028-08-31",
      from: "2028-08-01",
      to: "2028-09-30",
    });
  });

  it("a pre-operative score is due within the policy's days before the operation's day, else the booked arthroscopy's, never before the referral; none without either (OC-1)", () => {
    fc.assert(
      fc.property(cases, widths, (kase, days) => {
        const window = painScoreWindow("pre_op", kase, days);
        const day = kase.operatedOn ?? kase.arthroscopyOn;
        if (!day) {
          expect(window).toBeNull();
          return;
        }
        const from = addDays(day, -days.pre_op);
        expect(window).toEqual({
          timepoint: "pre_op",
          target: day,
          from: from < kase.referredOn ? kase.referredOn : from,
          to: day,
        });
      }),
      { numRuns: 300 },
    );
    expect(windowDays.pre_op).toBe(30);
  });

  it("referral runs from the referral day, listing around the listing day, and no window starts before the referral (OC-1)", () => {
    fc.assert(
      fc.property(cases, widths, timepoints, (kase, days, timepoint) => {
        const window = painScoreWindow(timepoint, kase, days);
        if (timepoint === "referral")
          expect(window).toEqual({
            timepoint,
            target: kase.referredOn,
            from: kase.referredOn,
            to: addDays(kase.referredOn, days.referral),
          });
        if (timepoint === "listing" && !kase.listedOn) expect(window).toBeNull();
        if (window) expect(window.from >= kase.referredOn).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a staff-recorded score (OC-1)", () => {
  it("is accepted exactly when its day is not in the future, not before the referral, and inside its time point's window (OC-1)", () => {
    fc.assert(
      fc.property(
        cases,
        widths,
        timepoints,
        fc.integer({ min: -1500, max: 400 }),
        fc.integer({ min: -30, max: 1500 }),
        (kase, days, timepoint, todayShift, dayShift) => {
          const on = addDays(today(), todayShift);
          const recordedOn = addDays(kase.referredOn, dayShift);
          const window = painScoreWindow(timepoint, kase, days);
          const refused = checkPainScore(timepoint, recordedOn, kase, days, on);
          const fits =
            recordedOn <= on &&
            recordedOn >= kase.referredOn &&
            window !== null &&
            recordedOn >= window.from &&
            recordedOn <= window.to;
          expect(refused === null).toBe(fits);
          if (refused) expect(refused.rule).toBe("OC-1");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("is refused with words that say why: the future, before the referral, no operation booked, no operation recorded, outside the window (OC-1)", () => {
    const operatedOn = dayFromToday(-100);
    const kase = {
      referredOn: dayFromToday(-300),
      listedOn: dayFromToday(-200),
      operatedOn,
      arthroscopyOn: null,
    };
    const message = (timepoint: PainTimepoint, day: Day, c: PainScoreCase = kase) =>
      checkPainScore(timepoint, day, c, windowDays, today())?.message;
    expect(message("week_6", dayFromToday(1))).toMatch(/cannot be dated in the future/);
    expect(message("referral", dayFromToday(-301))).toMatch(/before the referral/);
    const notBooked = { ...kase, operatedOn: null };
    expect(message("pre_op", dayFromToday(-5), notBooked)).toMatch(/^Book the operation first/);
    expect(message("month_3", dayFromToday(-5), notBooked)).toMatch(/operation is not recorded/);
    expect(message("week_6", addDays(operatedOn, 42 + 15))).toMatch(/at 6 weeks is due from .* outside that window/);
    expect(message("week_6", addDays(operatedOn, 42 + 14))).toBeUndefined();
    expect(message("pre_op", operatedOn)).toBeUndefined();
    expect(message("pre_op", addDays(operatedOn, -31))).toMatch(/before the operation is due from/);
  });
});

describe("the time points a form offers today (OC-1)", () => {
  it("offers each point whose window has begun, its days cut at today, and says why the others wait (OC-1)", () => {
    fc.assert(
      fc.property(cases, widths, fc.integer({ min: -400, max: 400 }), (kase, days, shift) => {
        const on = addDays(today(), shift);
        for (const choice of painScoreChoices(kase, days, on)) {
          const window = painScoreWindow(choice.timepoint, kase, days);
          if ("unavailable" in choice) {
            expect(window === null || window.from > on).toBe(true);
            continue;
          }
          expect(choice.from).toBe(window!.from);
          expect(choice.to).toBe(window!.to < on ? window!.to : on);
          // Its first and last days are accepted, as staff would record them.
          expect(checkPainScore(choice.timepoint, choice.from, kase, days, on)).toBeNull();
          expect(checkPainScore(choice.timepoint, choice.to, kase, days, on)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
    const kase = { referredOn: dayFromToday(-20), listedOn: null, operatedOn: null, arthroscopyOn: null };
    expect(
      painScoreChoices(kase, windowDays, today()).map((c) => ("unavailable" in c ? c.unavailable : "open")),
    ).toEqual([
      "open",
      "not listed for surgery yet",
      "book the operation first",
      ...postOperative.map(() => "counts from the operation, not recorded yet"),
    ]);
  });
});

describe("the time point of a patient-reported score (OC-1)", () => {
  it("is the point whose window holds the day and whose target is nearest, ties to the later point; none when no window holds it (OC-1)", () => {
    const caseAndDay = cases.chain((kase) => fc.tuple(fc.constant(kase), dayAround(kase)));
    fc.assert(
      fc.property(caseAndDay, widths, ([kase, recordedOn], days) => {
        const chosen = timepointFor(recordedOn, kase, days);
        const holding = painTimepoints.filter((t) => checkPainScore(t, recordedOn, kase, days, farFuture()) === null);
        if (chosen === null) {
          expect(holding).toEqual([]);
          return;
        }
        expect(holding).toContain(chosen);
        const distance = (t: PainTimepoint) =>
          Math.abs(daysBetween(painScoreWindow(t, kase, days)!.target, recordedOn));
        for (const other of holding) {
          expect(distance(chosen)).toBeLessThanOrEqual(distance(other));
          if (distance(other) === distance(chosen))
            expect(painTimepoints.indexOf(chosen)).toBeGreaterThanOrEqual(painTimepoints.indexOf(other));
        }
      }),
      { numRuns: 600 },
    );
  });

  it("goes to the later point on a tie and stays untimed between windows (OC-1)", () => {
    const operatedOn = dayFromToday(-400);
    // Listed ten days before the operation: five days before it is five from each target.
    const kase = {
      referredOn: dayFromToday(-600),
      listedOn: addDays(operatedOn, -10),
      operatedOn,
      arthroscopyOn: null,
    };
    expect(timepointFor(addDays(operatedOn, -5), kase, windowDays)).toBe("pre_op");
    expect(timepointFor(addDays(operatedOn, -9), kase, windowDays)).toBe("listing");
    expect(timepointFor(addDays(operatedOn, 42), kase, windowDays)).toBe("week_6");
    expect(timepointFor(addDays(operatedOn, 10), kase, windowDays)).toBeNull();
    expect(timepointFor(addDays(kase.referredOn, -1), kase, windowDays)).toBeNull();
  });
});

describe("the change from the baseline (OC-4)", () => {
  const at = (minutes: number) => new Date(now().getTime() + minutes * 60_000);
  const scoreArb = (kase: PainScoreCase) =>
    fc.record({
      recordedOn: dayAround(kase),
      recordedAt: fc.integer({ min: -5000, max: 5000 }).map(at),
      score: fc.integer({ min: 0, max: 10 }),
      timepoint: fc.option(timepoints),
      source: fc.constantFrom(...scoreSources),
    });
  const series = cases.chain((kase) => fc.array(scoreArb(kase), { maxLength: 12 }));

  /** The score at a point: a clinician's if any, the latest by day, then by recording time. */
  const standing = (scores: RecordedPainScore[], t: PainTimepoint) => {
    const atPoint = scores.filter((s) => s.timepoint === t);
    const byClinician = atPoint.filter((s) => s.source === "clinician");
    return (byClinician.length > 0 ? byClinician : atPoint)
      .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn) || a.recordedAt.getTime() - b.recordedAt.getTime())
      .at(-1);
  };

  it("the baseline is the pre-operative score, else the listing score, else the referral score, the latest of several (OC-4)", () => {
    fc.assert(
      fc.property(series, (scores) => {
        const { baseline } = painOutcome(scores, 2);
        const expected = (["pre_op", "listing", "referral"] as const)
          .map((t) => ({ t, s: standing(scores, t) }))
          .find((x) => x.s);
        if (!expected) {
          expect(baseline).toBeNull();
          return;
        }
        expect(baseline).toEqual({
          timepoint: expected.t,
          score: expected.s!.score,
          recordedOn: expected.s!.recordedOn,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("change = score - baseline at each post-operative point with a score, important at or beyond the policy's difference (OC-4)", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 5 }), (scores, difference) => {
        const { baseline, changes } = painOutcome(scores, difference);
        if (!baseline) {
          expect(changes).toEqual([]);
          return;
        }
        const expected = postOperative.flatMap((t) => {
          const s = standing(scores, t);
          return s
            ? [{ timepoint: t, change: s.score - baseline.score, important: s.score - baseline.score <= -difference }]
            : [];
        });
        expect(changes).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    const on = today();
    const scores = [
      { recordedOn: on, recordedAt: at(0), score: 7, timepoint: "pre_op" as const, source: "clinician" as const },
      { recordedOn: on, recordedAt: at(1), score: 5, timepoint: "month_3" as const, source: "patient" as const },
      { recordedOn: on, recordedAt: at(2), score: 6, timepoint: "week_6" as const, source: "clinician" as const },
    ];
    expect(painOutcome(scores, 2).changes).toEqual([
      { timepoint: "week_6", change: -1, important: false },
      { timepoint: "month_3", change: -2, important: true },
    ]);
  });
});
