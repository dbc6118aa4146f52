// The tables of the outcomes report as CSV records (GET /api/v1/analytics/outcomes.csv): the same
// figures as the JSON and the dashboard's tables, counts only (no case ids, no names).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { per100 } from "@/lib/domain/outcome-measures";
import type { Period } from "@/lib/schemas/analytics";
import type { OutcomeTable, OutcomesReport } from "@/lib/schemas/analytics-outcomes";
import { outcomesReport } from "./analytics-outcomes";
import { recordAudit } from "./audit";

type Field = string | number | null;

/** Each table's header row and its records from the report. Shares are 0..1, rates per 100 operations. */
const tables: Record<OutcomeTable, { columns: string[]; records: (report: OutcomesReport) => Field[][] }> = {
  pain: {
    columns: ["timepoint", "patients", "lower_quartile", "median", "upper_quartile"],
    records: (r) => r.pain.map((p) => [p.timepoint, p.patients, p.lowerQuartile, p.median, p.upperQuartile]),
  },
  improvement: {
    columns: ["timepoint", "important_difference", "improved", "measured", "share"],
    records: (r) =>
      r.improvement.points.map((p) => [
        p.timepoint,
        r.improvement.importantDifference,
        p.improved,
        p.measured,
        p.share,
      ]),
  },
  returns: {
    columns: ["activity", "returned", "median_days", "operated", "followed_to_milestone", "back_by_milestone"],
    records: (r) =>
      r.returns.map((a) => [
        a.activity,
        a.returned,
        a.medianDays,
        r.operations,
        a.activity === "running" ? r.running.followed : null,
        a.activity === "running" ? r.running.back : null,
      ]),
  },
  complications: {
    columns: ["kind", "grade", "complications", "operations", "per_100_operations"],
    records: (r) => [
      ...r.complications.byKind.map((k) => [k.kind, "all", k.count, r.operations, k.per100]),
      ...r.complications.byGrade.map((g) => ["all", g.grade, g.count, r.operations, g.per100]),
      ...r.complications.byKindAndGrade.map((k) => [
        k.kind,
        k.grade,
        k.count,
        r.operations,
        per100(k.count, r.operations),
      ]),
    ],
  },
};

/** The header row of `table`. */
export const outcomeColumns = (table: OutcomeTable): string[] => tables[table].columns;

/**
 * The records of one table of the outcomes report for `period` (see `outcomesReport`; forbidden
 * without `analytics.read`). The export is audited (`analytics.outcomes.export`, with the table
 * and period) before the first record is yielded.
 */
export async function* exportOutcomes(
  actor: Actor,
  query: Period & { table: OutcomeTable },
  now = new Date(),
): AsyncGenerator<Field[]> {
  const report = await outcomesReport(actor, { from: query.from, to: query.to }, now);
  await recordAudit(db(), actor, [
    {
      action: "analytics.outcomes.export",
      entity: "outcomes",
      detail: { table: query.table, from: query.from, to: query.to },
    },
  ]);
  yield* tables[query.table].records(report);
}
