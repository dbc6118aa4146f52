// The cohort's outcome measures (OC-1..OC-4) from the records of the cases operated in a period.
// Pure: the service hands in each operated case's scores, returns and complications, and its
// SQL aggregates must equal these functions on the same records (tests/services compare them).
import { baselinePoints, standingScores } from "./pain-scores";
import { addMonthsClamped, daysBetween, type Day } from "./time";
import {
  clavienDindoGrades,
  complicationKinds,
  painTimepoints,
  returnActivities,
  type ClavienDindoGrade,
  type ComplicationKind,
  type PainTimepoint,
  type ReturnActivity,
  type ScoreSource,
} from "./vocabulary";
import { nearestRankPercentile } from "./waiting-list-summary";

/** One pain score (OC-1); `timepoint` null for an untimed patient-reported score. */
export type ScoreRecord = {
  id: string;
  timepoint: PainTimepoint | null;
  recordedOn: Day;
  recordedAt: Date;
  score: number;
  source: ScoreSource;
};

/** One operated case (an operated ankle) with what was recorded of its outcome. */
export type OperatedCase = {
  caseId: string;
  operatedOn: Day;
  painScores: ScoreRecord[];
  returns: { activity: ReturnActivity; resumedOn: Day }[];
  complications: { kind: ComplicationKind; grade: ClavienDindoGrade }[];
};

/** The post-operative time points at which OC-4 measures the improvement. */
export const improvementTimepoints = ["month_3", "month_12"] as const satisfies readonly PainTimepoint[];
export type ImprovementTimepoint = (typeof improvementTimepoints)[number];

/** Months from the operation to the leaflet's running milestone (PO-6: D0 + 2 months). */
export const runningMilestoneMonths = 2;

/** The score (0-10) that stands for each time point of one case (`standingScores`). */
export function scoreByTimepoint(scores: readonly ScoreRecord[]): Map<PainTimepoint, number> {
  return new Map([...standingScores(scores)].map(([timepoint, score]) => [timepoint, score.score]));
}

/** OC-4's baseline: the first of `baselinePoints` (pre-operative, listing, referral) with a score; null when none. */
export function baselineOf(byTimepoint: ReadonlyMap<PainTimepoint, number>): number | null {
  for (const point of baselinePoints) if (byTimepoint.has(point)) return byTimepoint.get(point)!;
  return null;
}

/** Patients with a score at a time point, and the nearest-rank quartiles of their scores (0-10). */
export type PainAtTimepoint = {
  timepoint: PainTimepoint;
  patients: number;
  lowerQuartile: number | null;
  median: number | null;
  upperQuartile: number | null;
};

/** The cohort's pain at each time point (OC-1), in time order; one score per case per point. */
export function cohortPain(cases: readonly OperatedCase[]): PainAtTimepoint[] {
  const scores = cases.map((c) => scoreByTimepoint(c.painScores));
  return painTimepoints.map((timepoint) => {
    const values = scores.flatMap((byPoint) => (byPoint.has(timepoint) ? [byPoint.get(timepoint)!] : []));
    return {
      timepoint,
      patients: values.length,
      lowerQuartile: nearestRankPercentile(values, 25),
      median: nearestRankPercentile(values, 50),
      upperQuartile: nearestRankPercentile(values, 75),
    };
  });
}

/**
 * OC-4 at one post-operative time point: `measured` counts the patients with a baseline and a
 * score at the point (the denominator: patients without either are not counted), `improved`
 * those whose score is at least `importantDifference` points below their baseline, `share`
 * improved / measured (0..1), null when nobody was measured.
 */
export type ImprovementAtTimepoint = {
  timepoint: ImprovementTimepoint;
  improved: number;
  measured: number;
  share: number | null;
};

/** Whether one case improved importantly at `timepoint` (OC-4); null when it cannot be measured. */
export function improvedAt(
  byTimepoint: ReadonlyMap<PainTimepoint, number>,
  timepoint: ImprovementTimepoint,
  importantDifference: number,
): boolean | null {
  const baseline = baselineOf(byTimepoint);
  const score = byTimepoint.get(timepoint);
  if (baseline === null || score === undefined) return null;
  return score - baseline <= -importantDifference;
}

/** OC-4 for the cohort at 3 and 12 months, with the site's clinically important difference (points). */
export function cohortImprovement(
  cases: readonly OperatedCase[],
  importantDifference: number,
): ImprovementAtTimepoint[] {
  const scores = cases.map((c) => scoreByTimepoint(c.painScores));
  return improvementTimepoints.map((timepoint) => {
    const outcomes = scores.map((byPoint) => improvedAt(byPoint, timepoint, importantDifference));
    const measured = outcomes.filter((o) => o !== null).length;
    const improved = outcomes.filter((o) => o === true).length;
    return { timepoint, improved, measured, share: measured === 0 ? null : improved / measured };
  });
}

/** OC-2: patients back at an activity and the nearest-rank median of their days from the operation. */
export type ActivityReturnFigure = { activity: ReturnActivity; returned: number; medianDays: number | null };

/**
 * Running against the two-month milestone (PO-6): `followed` counts the operated patients whose
 * milestone day (operation + 2 calendar months, clamped) is on or before `today`, `back` those of
 * them who ran again on or before it, `share` back / followed (null for none followed). `curve`
 * holds, for each day from the operation on which someone ran again, how many had run again by
 * that day (cumulative), of `operated` patients.
 */
export type RunningFigure = {
  followed: number;
  back: number;
  share: number | null;
  operated: number;
  curve: { day: number; returned: number }[];
};

/** Return to activity for the cohort (OC-2): each activity, in the vocabulary's order. */
export function cohortReturns(cases: readonly OperatedCase[]): ActivityReturnFigure[] {
  return returnActivities.map((activity) => {
    const days = cases.flatMap((c) =>
      c.returns.filter((r) => r.activity === activity).map((r) => daysBetween(c.operatedOn, r.resumedOn)),
    );
    return { activity, returned: days.length, medianDays: nearestRankPercentile(days, 50) };
  });
}

/** Running against its two-month milestone on `today` (the site's calendar day), see `RunningFigure`. */
export function cohortRunning(cases: readonly OperatedCase[], today: Day): RunningFigure {
  let followed = 0;
  let back = 0;
  const perDay = new Map<number, number>();
  for (const c of cases) {
    const milestone = addMonthsClamped(c.operatedOn, runningMilestoneMonths);
    const running = c.returns.find((r) => r.activity === "running");
    if (milestone <= today) {
      followed++;
      if (running && running.resumedOn <= milestone) back++;
    }
    if (running) {
      const day = daysBetween(c.operatedOn, running.resumedOn);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  let returned = 0;
  const curve = [...perDay].sort(([a], [b]) => a - b).map(([day, count]) => ({ day, returned: (returned += count) }));
  return { followed, back, share: followed === 0 ? null : back / followed, operated: cases.length, curve };
}

/** Complications per 100 operations (OC-3): one decimal place, null when nothing was operated. */
export function per100(count: number, operations: number): number | null {
  return operations === 0 ? null : Math.round((count * 1000) / operations) / 10;
}

/** OC-3 for the cohort: counts of complications by kind, by grade, and by both, of `operations`. */
export type ComplicationFigures = {
  operations: number;
  total: number;
  byKind: { kind: ComplicationKind; count: number; per100: number | null }[];
  byGrade: { grade: ClavienDindoGrade; count: number; per100: number | null }[];
  /** Every kind x grade pair with at least one complication, kinds then grades in order. */
  byKindAndGrade: { kind: ComplicationKind; grade: ClavienDindoGrade; count: number }[];
};

/** Complications of the operated cases (each complication counts, whenever it occurred). */
export function cohortComplications(cases: readonly OperatedCase[]): ComplicationFigures {
  const all = cases.flatMap((c) => c.complications);
  const operations = cases.length;
  const count = (match: (k: (typeof all)[number]) => boolean) => all.filter(match).length;
  return {
    operations,
    total: all.length,
    byKind: complicationKinds.map((kind) => {
      const n = count((k) => k.kind === kind);
      return { kind, count: n, per100: per100(n, operations) };
    }),
    byGrade: clavienDindoGrades.map((grade) => {
      const n = count((k) => k.grade === grade);
      return { grade, count: n, per100: per100(n, operations) };
    }),
    byKindAndGrade: complicationKinds.flatMap((kind) =>
      clavienDindoGrades.flatMap((grade) => {
        const n = count((k) => k.kind === kind && k.grade === grade);
        return n === 0 ? [] : [{ kind, grade, count: n }];
      }),
    ),
  };
}

/** Every figure of the outcomes report, from the records alone (see each function). */
export function outcomeMeasures(cases: readonly OperatedCase[], importantDifference: number, today: Day) {
  return {
    operations: cases.length,
    pain: cohortPain(cases),
    improvement: cohortImprovement(cases, importantDifference),
    returns: cohortReturns(cases),
    running: cohortRunning(cases, today),
    complications: cohortComplications(cases),
  };
}
export type OutcomeMeasures = ReturnType<typeof outcomeMeasures>;
