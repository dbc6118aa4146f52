// OC-5: the clinic's compliance with its own protocol over a period, at the actor's site, as SQL
// aggregates. Each measure is one statement that states, for every item the rule counts, its
// case, its day and whether it kept the rule: the same definition as lib/domain/compliance.ts
// (tests/services/analytics-compliance.test.ts holds the two equal on random records). Indexes:
// prisma/migrations/20261203030000_compliance_indexes.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { cyclingSwimmingFromDay, runningAfterMonths } from "@/lib/domain/care-plan";
import { measuredRules, measureLabels, shareOf, type MeasuredRule } from "@/lib/domain/compliance";
import { policiesOf } from "@/lib/domain/policies";
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";
import type { Period } from "@/lib/schemas/analytics";
import type { CaseLink, ComplianceReport, RuleFigures } from "@/lib/schemas/analytics-compliance";
import { stageWaitsOf } from "./analytics-stage-waits";
import { recordListRead } from "./audit";

/** How many of the cases behind a figure the report names (the count covers them all). */
export const casesShownPerRule = 50;

type Totals = { eligible: number; met: number; cases_behind: number; behind: string[] };

/** `until`: the period's end or today, the earlier; `start`/`end`: the instants the period's first day starts and the day after it ends. */
type Params = {
  siteId: string;
  from: Day;
  until: Day;
  to: Day;
  start: Date;
  end: Date;
  timeZone: string;
  validityDays: number;
};
/** The items each rule counts, as `(case_id, day, met)` rows: see lib/domain/compliance.ts for each definition. */
function items(rule: MeasuredRule, p: Params): Prisma.Sql {
  const site = Prisma.sql`c.site_id = ${p.siteId}::uuid`;
  const inPeriod = (column: Prisma.Sql) => Prisma.sql`${column} BETWEEN ${p.from}::date AND ${p.until}::date`;
  switch (rule) {
    case "PO-3":
      // A visit is recorded once (PW-3); its record, if written on the due day, was written in
      // the period: only the period's records are read, by their time.
      return Prisma.sql`SELECT v.case_id, v.due_on AS day, v.status = 'done' AND r.id IS NOT NULL AS met
        FROM dressing_visit v JOIN clinical_case c ON c.id = v.case_id
        LEFT JOIN (SELECT DISTINCT w.dressing_visit_id AS id, (w.recorded_at AT TIME ZONE ${p.timeZone})::date AS day
                   FROM dressing_record w WHERE w.recorded_at >= ${p.start} AND w.recorded_at < ${p.end}) r
          ON r.id = v.id AND r.day = v.due_on
        WHERE ${site} AND ${inPeriod(Prisma.sql`v.due_on`)} AND v.status <> 'cancelled'
          AND NOT EXISTS (SELECT 1 FROM dressing_visit n WHERE n.replaces_id = v.id)`;
    case "PO-1":
      return Prisma.sql`SELECT p.case_id, p.crutch_review_to AS day,
          coalesce(p.crutches_weaned_on BETWEEN p.crutch_review_from AND p.crutch_review_to, false) AS met
        FROM care_plan p JOIN clinical_case c ON c.id = p.case_id
        WHERE ${site} AND ${inPeriod(Prisma.sql`p.crutch_review_to`)}`;
    case "PO-4":
      return Prisma.sql`SELECT s.case_id, s.due_by AS day,
          coalesce((SELECT min((a.starts_at AT TIME ZONE ${p.timeZone})::date)
            FROM appointment a JOIN physio_record r ON r.appointment_id = a.id
            WHERE a.physio_session_id = s.id) <= s.due_by, false) AS met
        FROM physio_session s JOIN clinical_case c ON c.id = s.case_id
        WHERE ${site} AND s.number = 1 AND s.status <> 'cancelled' AND ${inPeriod(Prisma.sql`s.due_by`)}`;
    case "PO-6":
      return Prisma.sql`SELECT k.case_id, k.cleared_on AS day,
          k.cleared_on >= CASE k.activity
            WHEN 'running' THEN (o.operation_day + make_interval(months => ${runningAfterMonths}::int))::date
            ELSE o.operation_day + ${cyclingSwimmingFromDay}::int END AS met
        FROM clearance k JOIN operation o ON o.case_id = k.case_id JOIN clinical_case c ON c.id = k.case_id
        WHERE ${site} AND k.activity <> 'other' AND ${inPeriod(Prisma.sql`k.cleared_on`)}`;
    case "SX-3":
      return Prisma.sql`SELECT o.case_id, o.operation_day AS day,
          o.operation_day BETWEEN a.assessed_on AND a.assessed_on + ${p.validityDays}::int AS met
        FROM operation o JOIN anaesthesia_assessment a ON a.id = o.assessment_id JOIN clinical_case c ON c.id = o.case_id
        WHERE ${site} AND ${inPeriod(Prisma.sql`o.operation_day`)}`;
  }
}

/**
 * One rule's totals, one statement: items summed per case, then over the cases, with the cases
 * that missed the rule at least once (latest item first, then by id, the first 50).
 */
export function ruleQuery(rule: MeasuredRule, p: Params): Prisma.Sql {
  return Prisma.sql`WITH item AS (${items(rule, p)}),
    per_case AS (SELECT case_id, count(*) AS eligible, count(*) FILTER (WHERE met) AS met, max(day) AS last_day
                 FROM item GROUP BY case_id)
    SELECT coalesce(sum(eligible), 0)::int AS eligible, coalesce(sum(met), 0)::int AS met,
      count(*) FILTER (WHERE met < eligible)::int AS cases_behind,
      coalesce((array_agg(case_id::text ORDER BY last_day DESC, case_id) FILTER (WHERE met < eligible))[1:${casesShownPerRule}::int], '{}') AS behind
    FROM per_case`;
}

/**
 * PO-3's longest gap, one statement: for the site's cases with a dressing record written in the
 * period, each done visit's day (its record's day at the site), the days since the case's
 * previous done visit, and the longest such gap whose later visit falls in the period, with its
 * case (the first by id on a tie).
 */
export function longestGapQuery(p: Params): Prisma.Sql {
  return Prisma.sql`WITH recent AS (
      SELECT DISTINCT w.case_id FROM dressing_record w JOIN clinical_case c ON c.id = w.case_id
      WHERE c.site_id = ${p.siteId}::uuid AND w.recorded_at >= ${p.start} AND w.recorded_at < ${p.end}),
    done AS (
      SELECT r.case_id, min((r.recorded_at AT TIME ZONE ${p.timeZone})::date) AS day
      FROM recent JOIN dressing_record r ON r.case_id = recent.case_id
      JOIN dressing_visit v ON v.id = r.dressing_visit_id AND v.status = 'done'
      GROUP BY r.case_id, r.dressing_visit_id),
    gap AS (SELECT case_id, day, day - lag(day) OVER (PARTITION BY case_id ORDER BY day) AS days FROM done)
    SELECT case_id::text, days FROM gap
    WHERE days IS NOT NULL AND day BETWEEN ${p.from}::date AND ${p.to}::date
    ORDER BY days DESC, case_id LIMIT 1`;
}

/** The site, its today and the statements' values for `period` as `actor` sees it. */
export async function reportParams(actor: Actor, period: Period, now: Date): Promise<Params & { today: Day }> {
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  const today = dayOf(now, site.timeZone);
  return {
    siteId: site.id,
    from: period.from,
    to: period.to,
    until: period.to < today ? period.to : today,
    start: instantAt(period.from, 0, 0, site.timeZone),
    end: instantAt(addDays(period.to, 1), 0, 0, site.timeZone),
    today,
    timeZone: site.timeZone,
    validityDays: policiesOf(site.policies).assessmentValidityDays,
  };
}

/**
 * Every rule's figures (no names) and the cases behind them (ids, up to 50 per rule), with
 * PO-3's longest gap and its case: six statements, run side by side.
 */
export async function complianceFigures(p: Params) {
  const [totals, gaps] = await Promise.all([
    Promise.all(
      measuredRules.map((rule) =>
        db()
          .$queryRaw<Totals[]>(ruleQuery(rule, p))
          .then((rows) => rows[0]!),
      ),
    ),
    db().$queryRaw<{ case_id: string; days: number }[]>(longestGapQuery(p)),
  ]);
  const gap = gaps[0] ?? null;
  const rules: RuleFigures[] = measuredRules.map((rule, i) => {
    const t = totals[i]!;
    return {
      rule,
      label: measureLabels[rule],
      eligible: t.eligible,
      met: t.met,
      share: shareOf(t),
      casesBehind: t.cases_behind,
      ...(rule === "PO-3" ? { longestGapDays: gap?.days ?? null } : {}),
    };
  });
  return { rules, behind: totals.map((t) => t.behind), gapCase: gap?.case_id ?? null };
}

/**
 * OC-5: the compliance report for `period` (site calendar days, both ends included) at
 * `actor`'s site on `now`: `{period, today, rules, waits}`. `rules`: `RuleFigures` in
 * `measuredRules` order (PO-3, PO-1, PO-4, PO-6, SX-3); an item counts when its day (see each
 * measure in lib/domain/compliance.ts) is in the period and on or before today. `waits`: the
 * waits between stages of the cases operated in the period (see `stageWaitsOf`). Roles with
 * `case.readClinical` also get the cases behind each figure, named, and that read is audited as
 * one list read; others (the administrator) get figures only, and nothing is audited.
 */
export async function complianceReport(actor: Actor, period: Period, now = new Date()): Promise<ComplianceReport> {
  const p = await reportParams(actor, period, now);
  const [{ rules, behind, gapCase }, waits] = await Promise.all([complianceFigures(p), stageWaitsOf(p.siteId, period)]);
  const report = { period, today: p.today, rules, waits };
  if (!isAllowed(actor.role, "case.readClinical")) return report;
  const links = await caseLinks(actor, [...behind.flat(), ...(gapCase ? [gapCase] : [])]);
  return {
    ...report,
    rules: rules.map((r, i) => ({
      ...r,
      cases: behind[i]!.map((id) => links.get(id)!),
      ...(r.rule === "PO-3" ? { longestGapCase: gapCase ? links.get(gapCase)! : null } : {}),
    })),
  };
}

/** The named links of `caseIds` (one query), the read audited as one list read of their patients. */
async function caseLinks(actor: Actor, caseIds: string[]): Promise<Map<string, CaseLink>> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return new Map();
  const cases = await db().clinicalCase.findMany({
    where: { id: { in: unique } },
    select: { id: true, patient: { select: { id: true, givenName: true, familyName: true, mrn: true } } },
  });
  await recordListRead(db(), actor, {
    action: "analytics.compliance.cases",
    entity: "clinical_case",
    itemPatientIds: cases.map((c) => c.patient.id),
  });
  return new Map(
    cases.map((c) => [
      c.id,
      {
        caseId: c.id,
        href: `/cases/${c.id}`,
        patientName: `${c.patient.givenName} ${c.patient.familyName}`,
        mrn: c.patient.mrn,
      },
    ]),
  );
}
