// The outcomes report's aggregates as SQL, one statement per table of the report, each over the
// same cohort: the site's cases whose operation day falls in the period. Each statement equals a
// function of lib/domain/outcome-measures.ts on the same records (tests/services compare them);
// the case ids behind each figure are aggregated only when `$links` is true (roles that may read
// the cases), so other readers' statements carry no ids.
import { runningMilestoneMonths } from "@/lib/domain/outcome-measures";
import type { Day } from "@/lib/domain/time";

/** What every statement is about: the site, the period (site calendar days) and whether to name cases. */
export type CohortScope = { siteId: string; from: Day; to: Day; links: boolean };

// $1 site, $2 first day, $3 last day, $4 whether to aggregate case ids.
const cohort = `cohort AS MATERIALIZED (
    SELECT o.case_id, o.operation_day
    FROM operation o JOIN clinical_case c ON c.id = o.case_id
    WHERE o.operation_day BETWEEN $2::date AND $3::date AND c.site_id = $1::uuid
  )`;

// OC-1: the score standing for each time point of each case (standingScores): a clinician's over
// the patient's own, then the latest day, then the latest entered, then id.
const latest = `latest AS MATERIALIZED (
    SELECT DISTINCT ON (p.case_id, p.timepoint) p.case_id, p.timepoint, p.score
    FROM cohort JOIN pain_score p ON p.case_id = cohort.case_id
    WHERE p.timepoint IS NOT NULL
    ORDER BY p.case_id, p.timepoint, (p.source = 'clinician') DESC, p.recorded_on DESC, p.recorded_at DESC, p.id DESC
  )`;

const scopeValues = (scope: CohortScope) => [scope.siteId, scope.from, scope.to, scope.links];

/**
 * OC-1 and OC-4 in one statement (both read the same latest scores, sorted once). Rows
 * `{figure: "pain", timepoint, patients, lower_quartile, median, upper_quartile, case_ids}` per
 * time point with scores (nearest rank = percentile_disc), then `{figure: "improvement",
 * timepoint, patients (measured), improved, case_ids (measured), improved_ids}` at 3 and 12
 * months; $5 is the clinically important difference (points). Baseline: pre-operative, else
 * listing, else referral score.
 */
export function painQuery(scope: CohortScope, importantDifference: number) {
  const sql = `WITH ${cohort}, ${latest},
    per_case AS (
      SELECT case_id,
        coalesce(min(score) FILTER (WHERE timepoint = 'pre_op'), min(score) FILTER (WHERE timepoint = 'listing'),
                 min(score) FILTER (WHERE timepoint = 'referral')) AS baseline,
        min(score) FILTER (WHERE timepoint = 'month_3') AS month_3,
        min(score) FILTER (WHERE timepoint = 'month_12') AS month_12
      FROM latest GROUP BY case_id
    ),
    measured AS (
      SELECT 'month_3' AS timepoint, case_id, month_3 - baseline <= -$5::int AS improved
      FROM per_case WHERE baseline IS NOT NULL AND month_3 IS NOT NULL
      UNION ALL
      SELECT 'month_12', case_id, month_12 - baseline <= -$5::int
      FROM per_case WHERE baseline IS NOT NULL AND month_12 IS NOT NULL
    )
    SELECT 'pain' AS figure, timepoint::text AS timepoint, count(*)::int AS patients,
      percentile_disc(0.25) WITHIN GROUP (ORDER BY score) AS lower_quartile,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY score) AS median,
      percentile_disc(0.75) WITHIN GROUP (ORDER BY score) AS upper_quartile,
      NULL::int AS improved,
      array_agg(case_id::text ORDER BY case_id) FILTER (WHERE $4::boolean) AS case_ids,
      NULL::text[] AS improved_ids
    FROM latest GROUP BY timepoint
    UNION ALL
    SELECT 'improvement', timepoint, count(*)::int, NULL, NULL, NULL, count(*) FILTER (WHERE improved)::int,
      array_agg(case_id::text ORDER BY case_id) FILTER (WHERE $4::boolean),
      array_agg(case_id::text ORDER BY case_id) FILTER (WHERE $4::boolean AND improved)
    FROM measured GROUP BY timepoint`;
  return { sql, values: [...scopeValues(scope), importantDifference] };
}

/** OC-2: rows `{activity, returned, median_days, case_ids}` (days from the operation day). */
export function returnsQuery(scope: CohortScope) {
  const sql = `WITH ${cohort}
    SELECT r.activity::text AS activity, count(*)::int AS returned,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY r.resumed_on - cohort.operation_day) AS median_days,
      array_agg(cohort.case_id::text ORDER BY cohort.case_id) FILTER (WHERE $4::boolean) AS case_ids
    FROM cohort JOIN activity_return r ON r.case_id = cohort.case_id
    GROUP BY r.activity`;
  return { sql, values: scopeValues(scope) };
}

/**
 * Running against its milestone (operation + 2 calendar months; PostgreSQL clamps to the month's
 * end as the protocol does) on $5 (today): first row `{day: null, operated, followed, back,
 * case_ids (back)}`, then one row per day from the operation with the cumulative `returned`.
 */
export function runningQuery(scope: CohortScope, today: Day) {
  const sql = `WITH ${cohort},
    running AS (
      SELECT cohort.case_id, cohort.operation_day, r.resumed_on,
        (cohort.operation_day + make_interval(months => ${runningMilestoneMonths}))::date AS milestone
      FROM cohort LEFT JOIN activity_return r ON r.case_id = cohort.case_id AND r.activity = 'running'
    )
    SELECT NULL::int AS day, NULL::int AS returned, count(*)::int AS operated,
      count(*) FILTER (WHERE milestone <= $5::date)::int AS followed,
      count(*) FILTER (WHERE milestone <= $5::date AND resumed_on <= milestone)::int AS back,
      array_agg(case_id::text ORDER BY case_id) FILTER (WHERE $4::boolean AND milestone <= $5::date AND resumed_on <= milestone) AS case_ids
    FROM running
    UNION ALL
    SELECT day, (sum(count(*)) OVER (ORDER BY day))::int, NULL, NULL, NULL, NULL
    FROM (SELECT resumed_on - operation_day AS day FROM running WHERE resumed_on IS NOT NULL) days
    GROUP BY day
    ORDER BY day NULLS FIRST`;
  return { sql, values: [...scopeValues(scope), today] };
}

/**
 * OC-3: complications of the cohort's cases counted by kind and grade, by kind, by grade and in
 * all (grouping sets: a null kind or grade is "all"), each with the distinct cases behind it.
 */
export function complicationsQuery(scope: CohortScope) {
  const sql = `WITH ${cohort}
    SELECT k.kind::text AS kind, k.grade::text AS grade, count(*)::int AS count,
      array_agg(DISTINCT cohort.case_id::text) FILTER (WHERE $4::boolean) AS case_ids
    FROM cohort JOIN complication k ON k.case_id = cohort.case_id
    GROUP BY GROUPING SETS ((k.kind, k.grade), (k.kind), (k.grade), ())`;
  return { sql, values: scopeValues(scope) };
}
