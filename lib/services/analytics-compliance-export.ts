// The compliance report asked for by an address (`?from=&to=`, defaults filled in at the site's
// today) and its tables as CSV downloads: figures only, never a patient, each export audited.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { resolvePeriod, type PeriodQuery } from "@/lib/schemas/analytics";
import type { ComplianceReport } from "@/lib/schemas/analytics-compliance";
import { complianceFigures, complianceReport, reportParams } from "./analytics-compliance";
import { stageWaitsOf } from "./analytics-stage-waits";
import { recordAudit } from "./audit";
import { actorSite } from "./sites";

/** The period a query names at `actor`'s site: the twelve months to today when it names none. */
async function periodOf(actor: Actor, query: PeriodQuery, now: Date) {
  return resolvePeriod(query, (await actorSite(actor, now)).today);
}

/** GET /api/v1/analytics/compliance: `complianceReport` for the period the query names. */
export async function compliance(actor: Actor, query: PeriodQuery, now = new Date()): Promise<ComplianceReport> {
  return complianceReport(actor, await periodOf(actor, query, now), now);
}

/** A share as staff read it in a spreadsheet: a percentage to one decimal, empty when nothing was eligible. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

async function auditExport(actor: Actor, table: string, period: { from: string; to: string }) {
  await recordAudit(db(), actor, [
    { action: "analytics.export", entity: "analytics", detail: { table, from: period.from, to: period.to } },
  ]);
}

export const complianceColumns = [
  "Rule",
  "Measure",
  "Eligible",
  "Met",
  "Share met (%)",
  "Cases behind",
  "Longest gap between dressings (days)",
];

/** OC-5's figures per rule over the period as CSV records, after auditing the export. */
export async function* exportCompliance(
  actor: Actor,
  query: PeriodQuery,
  now = new Date(),
): AsyncGenerator<(string | number | null)[]> {
  const period = await periodOf(actor, query, now);
  const { rules } = await complianceFigures(await reportParams(actor, period, now));
  await auditExport(actor, "compliance", period);
  for (const r of rules)
    yield [r.rule, r.label, r.eligible, r.met, percent(r.share), r.casesBehind, r.longestGapDays ?? null];
}

export const stageWaitsColumns = ["Stage", "Cases", "Median (days)", "90th percentile (days)"];

/** The waits between stages of the cases operated in the period as CSV records, after auditing the export. */
export async function* exportStageWaits(
  actor: Actor,
  query: PeriodQuery,
  now = new Date(),
): AsyncGenerator<(string | number | null)[]> {
  const period = await periodOf(actor, query, now);
  const { siteId } = await reportParams(actor, period, now);
  const { stages } = await stageWaitsOf(siteId, period);
  await auditExport(actor, "stage-waits", period);
  for (const s of stages) yield [s.label, s.cases, s.medianDays, s.p90Days];
}
