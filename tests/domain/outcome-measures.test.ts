import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  baselineOf,
  cohortComplications,
  cohortImprovement,
  cohortPain,
  cohortReturns,
  cohortRunning,
  per100,
  scoreByTimepoint,
  type OperatedCase,
  type ScoreRecord,
} from "@/lib/domain/outcome-measures";
import { addDays, addMonthsClamped } from "@/lib/domain/time";
import {
  clavienDindoGrades,
  complicationKinds,
  painTimepoints,
  returnActivities,
  scoreSources,
  type PainTimepoint,
  type ScoreSource,
} from "@/lib/domain/vocabulary";
import { nearestRankPercentile } from "@/lib/domain/waiting-list-summary";
import { dayFromToday, now, today } from "../setup/clock";

const score = (
  timepoint: PainTimepoint | null,
  value: number,
  daysAgo = 0,
  id = "a",
  at = now(),
  source: ScoreSource = "clinician",
): ScoreRecord => ({
  id,
  timepoint,
  recordedOn: dayFromToday(-daysAgo),
  recordedAt: at,
  score: value,
  source,
});

const scoreArb = fc.record({
  id: fc.uuid(),
  timepoint: fc.constantFrom(...painTimepoints, null),
  recordedOn: fc.integer({ min: -400, max: 0 }).map((n) => dayFromToday(n)),
  recordedAt: fc.integer({ min: 0, max: 3 }).map((n) => new Date(now().getTime() - n * 1000)),
  score: fc.integer({ min: 0, max: 10 }),
  source: fc.constantFrom(...scoreSources),
});

/** An operated case with random scores, returns (at most one per activity) and complications. */
const caseArb: fc.Arbitrary<OperatedCase> = fc
  .record({
    caseId: fc.uuid(),
    operatedDaysAgo: fc.integer({ min: 0, max: 500 }),
    painScores: fc.array(scoreArb, { maxLength: 10 }),
    returnDays: fc.array(fc.option(fc.integer({ min: 21, max: 200 })), { minLength: 4, maxLength: 4 }),
    complications: fc.array(
      fc.record({ kind: fc.constantFrom(...complicationKinds), grade: fc.constantFrom(...clavienDindoGrades) }),
      { maxLength: 3 },
    ),
  })
  .map(({ operatedDaysAgo, returnDays, ...rest }) => {
    const operatedOn = dayFromToday(-operatedDaysAgo);
    const returns = returnActivities.flatMap((activity, i) =>
      returnDays[i] == null ? [] : [{ activity, resumedOn: addDays(operatedOn, returnDays[i]) }],
    );
    return { ...rest, operatedOn, returns };
  });
const cohortArb = fc.array(caseArb, { maxLength: 25 });

describe("the score standing for a time point (OC-1)", () => {
  it("is a clinician's over the patient's own, then the latest recorded day's, then the latest entered, whatever the order given", () => {
    fc.assert(
      fc.property(fc.array(scoreArb, { maxLength: 12 }), fc.integer(), (scores, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(scores, { minLength: scores.length }), { numRuns: 1, seed })[0]!;
        const chosen = scoreByTimepoint(scores);
        expect(scoreByTimepoint(shuffled)).toEqual(chosen);
        for (const timepoint of painTimepoints) {
          const atPoint = scores.filter((s) => s.timepoint === timepoint);
          expect(chosen.has(timepoint)).toBe(atPoint.length > 0);
          const byClinician = atPoint.filter((s) => s.source === "clinician");
          const at = byClinician.length > 0 ? byClinician : atPoint;
          const latestDay = at
            .map((s) => s.recordedOn)
            .sort()
            .at(-1);
          if (latestDay)
            expect(at.filter((s) => s.recordedOn === latestDay).map((s) => s.score)).toContain(chosen.get(timepoint));
        }
      }),
    );
  });

  it("keeps a clinician's score over the patient's own at the same point, however late the patient's", () => {
    const clinician = score("pre_op", 7, 3, "a", now());
    const patient = score("pre_op", 1, 0, "b", new Date(now().getTime() + 60_000), "patient");
    expect(scoreByTimepoint([clinician, patient]).get("pre_op")).toBe(7);
    expect(scoreByTimepoint([patient]).get("pre_op")).toBe(1);
  });

  it("ignores an untimed patient-reported score", () => {
    expect(scoreByTimepoint([score(null, 9)]).size).toBe(0);
    expect(scoreByTimepoint([score("month_3", 2, 5), score("month_3", 7, 1), score(null, 0)]).get("month_3")).toBe(7);
  });
});

describe("the baseline (OC-4)", () => {
  it("is the pre-operative score, else the listing score, else the referral score", () => {
    const of = (scores: ScoreRecord[]) => baselineOf(scoreByTimepoint(scores));
    expect(of([score("referral", 8), score("listing", 7), score("pre_op", 6)])).toBe(6);
    expect(of([score("referral", 8), score("listing", 7)])).toBe(7);
    expect(of([score("referral", 8), score("month_3", 1)])).toBe(8);
    expect(of([score("month_3", 1)])).toBeNull();
  });
});

describe("the cohort's pain by time point (OC-1)", () => {
  it("counts each operated patient once per point and gives nearest-rank quartiles of their scores (OC-1)", () => {
    fc.assert(
      fc.property(cohortArb, (cases) => {
        const pain = cohortPain(cases);
        expect(pain.map((p) => p.timepoint)).toEqual([...painTimepoints]);
        for (const point of pain) {
          const values = cases.flatMap((c) => {
            const s = scoreByTimepoint(c.painScores).get(point.timepoint);
            return s === undefined ? [] : [s];
          });
          expect(point.patients).toBe(values.length);
          expect(point.median).toBe(nearestRankPercentile(values, 50));
          if (point.patients > 0) {
            expect(point.lowerQuartile!).toBeLessThanOrEqual(point.median!);
            expect(point.median!).toBeLessThanOrEqual(point.upperQuartile!);
          } else expect([point.lowerQuartile, point.upperQuartile]).toEqual([null, null]);
        }
      }),
    );
  });
});

describe("the share with a clinically important improvement (OC-4)", () => {
  const operated = (scores: ScoreRecord[]): OperatedCase => ({
    caseId: crypto.randomUUID(),
    operatedOn: dayFromToday(-400),
    painScores: scores,
    returns: [],
    complications: [],
  });

  it("counts a fall of exactly the important difference, not one point less, among patients with a baseline and a score (OC-4)", () => {
    const cases = [
      operated([score("pre_op", 7), score("month_3", 5), score("month_12", 6)]),
      operated([score("listing", 3), score("month_3", 3)]),
      operated([score("month_3", 0)]),
      operated([score("referral", 9)]),
    ];
    expect(cohortImprovement(cases, 2)).toEqual([
      { timepoint: "month_3", improved: 1, measured: 2, share: 0.5 },
      { timepoint: "month_12", improved: 0, measured: 1, share: 0 },
    ]);
    expect(cohortImprovement(cases, 3)[0]).toEqual({ timepoint: "month_3", improved: 0, measured: 2, share: 0 });
  });

  it("never counts more improved than measured, and fewer as the important difference grows (OC-4)", () => {
    fc.assert(
      fc.property(cohortArb, fc.integer({ min: 1, max: 9 }), (cases, difference) => {
        const [smaller, larger] = [cohortImprovement(cases, difference), cohortImprovement(cases, difference + 1)];
        smaller.forEach((point, i) => {
          expect(point.improved).toBeLessThanOrEqual(point.measured);
          expect(point.measured).toBeLessThanOrEqual(cases.length);
          expect(larger[i]!.measured).toBe(point.measured);
          expect(larger[i]!.improved).toBeLessThanOrEqual(point.improved);
          expect(point.share).toBe(point.measured === 0 ? null : point.improved / point.measured);
        });
      }),
    );
  });
});

describe("return to activity (OC-2)", () => {
  it("gives each activity's returned patients and median days from the operation", () => {
    const operatedOn = dayFromToday(-300);
    const back = (days: number[]): OperatedCase => ({
      caseId: crypto.randomUUID(),
      operatedOn,
      painScores: [],
      returns: days.map((d, i) => ({ activity: returnActivities[i]!, resumedOn: addDays(operatedOn, d) })),
      complications: [],
    });
    const figures = cohortReturns([back([21, 30, 70]), back([25, 40]), back([22])]);
    expect(figures).toEqual([
      { activity: "cycling", returned: 3, medianDays: 22 },
      { activity: "swimming", returned: 2, medianDays: 30 },
      { activity: "running", returned: 1, medianDays: 70 },
      { activity: "sport", returned: 0, medianDays: null },
    ]);
  });

  it("counts running by the two-month milestone among patients operated at least two months ago (OC-2)", () => {
    fc.assert(
      fc.property(cohortArb, (cases) => {
        const running = cohortRunning(cases, today());
        expect(running.back).toBeLessThanOrEqual(running.followed);
        expect(running.followed).toBe(cases.filter((c) => addMonthsClamped(c.operatedOn, 2) <= today()).length);
        expect(running.operated).toBe(cases.length);
        const ran = cases.filter((c) => c.returns.some((r) => r.activity === "running")).length;
        expect(running.curve.at(-1)?.returned ?? 0).toBe(ran);
        running.curve.slice(1).forEach((point, i) => {
          expect(point.day).toBeGreaterThan(running.curve[i]!.day);
          expect(point.returned).toBeGreaterThan(running.curve[i]!.returned);
        });
      }),
    );
  });
});

describe("complications per 100 operations (OC-3)", () => {
  it("count every complication once by kind, once by grade and once by both (OC-3)", () => {
    fc.assert(
      fc.property(cohortArb, (cases) => {
        const figures = cohortComplications(cases);
        const total = cases.reduce((n, c) => n + c.complications.length, 0);
        const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
        expect(figures.operations).toBe(cases.length);
        expect([figures.total, sum(figures.byKind), sum(figures.byGrade), sum(figures.byKindAndGrade)]).toEqual(
          Array(4).fill(total),
        );
        for (const row of figures.byKind) expect(row.per100).toBe(per100(row.count, cases.length));
      }),
    );
  });

  it("rate to one decimal place per 100 operations, none without operations", () => {
    expect(per100(1, 3)).toBe(33.3);
    expect(per100(2, 3)).toBe(66.7);
    expect(per100(0, 0)).toBeNull();
    expect(per100(5, 4)).toBe(125);
  });
});
