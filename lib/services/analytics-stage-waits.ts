// The waits between the pathway's stages for the cases operated in a period, at the actor's site:
// one statement counts the cases by stage and days waited, and lib/domain/stage-waits.ts turns
// the counts into medians and 90th percentiles (nearest rank), so there is one definition of each.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Period } from "@/lib/schemas/analytics";
import { stages, summariseStages, type Stage } from "@/lib/domain/stage-waits";

/**
 * The one statement: each case of the site operated on a day of the period with its stage days
 * (see `StageDays`: diagnosis = earliest supporting imaging or relieving injection, first-line =
 * earliest course start), unpivoted into (stage, days) and counted: one row per stage and number
 * of days, a few hundred rows for thousands of cases.
 */
export function stageWaitsQuery(siteId: string, period: Period): Prisma.Sql {
  return Prisma.sql`WITH operated AS MATERIALIZED (
      SELECT c.referred_on AS referral, l.listed_on AS listing, o.operation_day AS operation,
        (SELECT min(d) FROM (
          SELECT i.performed_on AS d FROM imaging_study i WHERE i.case_id = c.id AND i.supports_diagnosis
          UNION ALL
          SELECT j.performed_on FROM diagnostic_injection j WHERE j.case_id = c.id AND j.pain_relieved) dx) AS diagnosis,
        (SELECT min(f.started_on) FROM first_line_course f WHERE f.case_id = c.id) AS first_line
      FROM operation o JOIN clinical_case c ON c.id = o.case_id
      LEFT JOIN surgical_listing l ON l.case_id = c.id
      WHERE c.site_id = ${siteId}::uuid AND o.operation_day BETWEEN ${period.from}::date AND ${period.to}::date)
    SELECT w.stage, w.days, count(*)::int AS cases
    FROM operated CROSS JOIN LATERAL (VALUES
      ('referral_to_diagnosis', diagnosis - referral),
      ('diagnosis_to_first_line', first_line - diagnosis),
      ('first_line_to_listing', listing - first_line),
      ('listing_to_operation', operation - listing),
      ('referral_to_operation', operation - referral)) w(stage, days)
    WHERE w.days IS NOT NULL
    GROUP BY w.stage, w.days`;
}

/**
 * The waits between stages for the cases of the site operated in `period` (site calendar days,
 * both ends included): `{operations, stages: [{stage, label, cases, medianDays, p90Days}]}` in the
 * pathway's order, in calendar days; a stage a case never went through is left out of that
 * stage's figures. Counts only: no patient is named.
 */
export async function stageWaitsOf(siteId: string, period: Period) {
  const rows = await db().$queryRaw<{ stage: Stage; days: number; cases: number }[]>(stageWaitsQuery(siteId, period));
  const days = Object.fromEntries(stages.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  for (const row of rows) for (let i = 0; i < row.cases; i++) days[row.stage].push(row.days);
  return { operations: days.referral_to_operation.length, stages: summariseStages(days) };
}
