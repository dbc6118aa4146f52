// The outcomes report of the dashboard and GET /api/v1/analytics/outcomes: the SQL aggregates of
// lib/services/analytics-outcomes-sql.ts, shaped as the pure measures of
// lib/domain/outcome-measures.ts shape them (rates through the same `per100`), so the two agree.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { forbidden } from "@/lib/domain/errors";
import { per100 } from "@/lib/domain/outcome-measures";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf } from "@/lib/domain/time";
import type { Period } from "@/lib/schemas/analytics";
import {
  clavienDindoGrades,
  complicationKinds,
  painTimepoints,
  returnActivities,
  type ClavienDindoGrade,
  type ComplicationKind,
} from "@/lib/domain/vocabulary";
import type { OutcomesReport } from "@/lib/schemas/analytics-outcomes";
import { complicationsQuery, painQuery, returnsQuery, runningQuery, type CohortScope } from "./analytics-outcomes-sql";

type Ids = { case_ids: string[] | null };
type PainRow = Ids & {
  figure: "pain" | "improvement";
  timepoint: string;
  patients: number;
  lower_quartile: number | null;
  median: number | null;
  upper_quartile: number | null;
  improved: number | null;
  improved_ids: string[] | null;
};
type ReturnRow = Ids & { activity: string; returned: number; median_days: number };
type RunningRow = Ids & {
  day: number | null;
  returned: number | null;
  operated: number;
  followed: number;
  back: number;
};
type ComplicationRow = Ids & { kind: string | null; grade: string | null; count: number };

/** The case ids behind a figure for readers who may follow them, none otherwise (never a name). */
const withIds = (links: boolean, ids: string[] | null | undefined) => (links ? { caseIds: ids ?? [] } : {});

/**
 * The outcomes (OC-1..OC-4) of the cases operated from `period.from` to `period.to` (site
 * calendar days, both included) at the actor's site, on the site's today of `now`:
 * `OutcomesReport` (lib/schemas/analytics-outcomes.ts). Counts, quartiles, days and shares only;
 * the ids of the cases behind each figure are added for roles with `case.readClinical`.
 * Throws `forbidden` for a role without `analytics.read`.
 */
export async function outcomesReport(actor: Actor, period: Period, now = new Date()): Promise<OutcomesReport> {
  if (!isAllowed(actor.role, "analytics.read")) throw forbidden();
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  const links = isAllowed(actor.role, "case.readClinical");
  const scope: CohortScope = { siteId: site.id, from: period.from, to: period.to, links };
  const importantDifference = policiesOf(site.policies).importantPainDifference;
  const today = dayOf(now, site.timeZone);
  // One snapshot for every table, so the figures add up even while records are being written.
  const [scores, returns, running, complications] = await db().$transaction(
    async (tx) => {
      const run = <T>({ sql, values }: { sql: string; values: unknown[] }) => tx.$queryRawUnsafe<T[]>(sql, ...values);
      return [
        await run<PainRow>(painQuery(scope, importantDifference)),
        await run<ReturnRow>(returnsQuery(scope)),
        await run<RunningRow>(runningQuery(scope, today)),
        await run<ComplicationRow>(complicationsQuery(scope)),
      ] as const;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const pain = scores.filter((r) => r.figure === "pain");
  const improvement = scores.filter((r) => r.figure === "improvement");
  const [summary, ...curve] = running;
  const operations = summary!.operated;
  return {
    period,
    operations,
    pain: painTimepoints.map((timepoint) => {
      const row = pain.find((r) => r.timepoint === timepoint);
      return {
        timepoint,
        patients: row?.patients ?? 0,
        lowerQuartile: row?.lower_quartile ?? null,
        median: row?.median ?? null,
        upperQuartile: row?.upper_quartile ?? null,
        ...withIds(links, row?.case_ids),
      };
    }),
    improvement: {
      importantDifference,
      points: (["month_3", "month_12"] as const).map((timepoint) => {
        const row = improvement.find((r) => r.timepoint === timepoint);
        const [measured, improved] = [row?.patients ?? 0, row?.improved ?? 0];
        return {
          timepoint,
          improved,
          measured,
          share: measured === 0 ? null : improved / measured,
          ...withIds(links, row?.case_ids),
          ...(links ? { improvedCaseIds: row?.improved_ids ?? [] } : {}),
        };
      }),
    },
    returns: returnActivities.map((activity) => {
      const row = returns.find((r) => r.activity === activity);
      return {
        activity,
        returned: row?.returned ?? 0,
        medianDays: row?.median_days ?? null,
        ...withIds(links, row?.case_ids),
      };
    }),
    running: {
      operated: operations,
      followed: summary!.followed,
      back: summary!.back,
      share: summary!.followed === 0 ? null : summary!.back / summary!.followed,
      curve: curve.map((row) => ({ day: row.day!, returned: row.returned! })),
      ...withIds(links, summary!.case_ids),
    },
    complications: complicationFigures(complications, operations, links),
  };
}

function complicationFigures(rows: ComplicationRow[], operations: number, links: boolean) {
  const row = (kind: ComplicationKind | null, grade: ClavienDindoGrade | null) =>
    rows.find((r) => r.kind === kind && r.grade === grade);
  const figure = (found: ComplicationRow | undefined) => ({
    count: found?.count ?? 0,
    per100: per100(found?.count ?? 0, operations),
    ...withIds(links, found?.case_ids),
  });
  return {
    operations,
    total: row(null, null)?.count ?? 0,
    byKind: complicationKinds.map((kind) => ({ kind, ...figure(row(kind, null)) })),
    byGrade: clavienDindoGrades.map((grade) => ({ grade, ...figure(row(null, grade)) })),
    byKindAndGrade: complicationKinds.flatMap((kind) =>
      clavienDindoGrades.flatMap((grade) => {
        const found = row(kind, grade);
        return found ? [{ kind, grade, count: found.count }] : [];
      }),
    ),
  };
}
