// The waiting list's dashboard figures for the actor's site: one query counts the listings that
// can count (still waiting, or stopped this month) by their clock's days, and the pure summary in
// lib/domain/waiting-list-summary.ts computes the figures, so there is one definition of each.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf, instantAt, type Day } from "@/lib/domain/time";
import { admittedClock, waitingStatuses, type ListingPriority } from "@/lib/domain/waiting-list";
import { summariseWaitingList, type WaitingListSummary } from "@/lib/domain/waiting-list-summary";

type ListingGroup = { listed_on: Date; operated_on: Date | null; cancelled_on: Date | null; patients: number };
type Filters = { surgeonId?: string; priority?: ListingPriority };

/**
 * The one statement behind the summary, as SQL text and its values ($1..$7), so the benchmark
 * can send it straight to PostgreSQL. It reads the site's listings still waiting, operated this
 * month, or cancelled this month (a clock stopped earlier cannot count), each part by its own
 * index, and answers one row per listing day, operation day and cancellation day with the number
 * of listings: a few hundred rows for thousands of patients.
 */
export function waitingListQuery(siteId: string, today: Day, timeZone: string, filters: Filters) {
  const monthStart = `${today.slice(0, 8)}01`;
  const listing = `JOIN surgical_listing l ON l.case_id = c.id
      AND ($2::uuid IS NULL OR l.surgeon_id = $2::uuid)
      AND ($3::"ListingPriority" IS NULL OR l.priority = $3::"ListingPriority")`;
  const sql = `
    SELECT listed_on, operated_on, cancelled_on, count(*)::int AS patients FROM (
      SELECT l.listed_on, NULL::date AS operated_on, NULL::date AS cancelled_on
      FROM clinical_case c ${listing}
      WHERE c.site_id = $1::uuid AND c.status = ANY($4::"CaseStatus"[])
      UNION ALL
      SELECT l.listed_on, o.operation_day, NULL
      FROM operation o JOIN clinical_case c ON c.id = o.case_id ${listing}
      WHERE o.operation_day >= $5::date AND c.site_id = $1::uuid
      UNION ALL
      -- A cancelled case's status changed last at its cancellation: the pathway ends there.
      SELECT l.listed_on, NULL, (c.status_changed_at AT TIME ZONE $7)::date
      FROM clinical_case c ${listing}
      WHERE c.site_id = $1::uuid AND c.status = 'cancelled' AND c.status_changed_at >= $6::timestamptz
    ) counted
    GROUP BY listed_on, operated_on, cancelled_on`;
  const values = [
    siteId,
    filters.surgeonId ?? null,
    filters.priority ?? null,
    [...waitingStatuses],
    monthStart,
    instantAt(monthStart, 0, 0, timeZone).toISOString(),
    timeZone,
  ];
  return { sql, values };
}

/**
 * The summary of the actor's site's waiting list on the site's today (WL-2 admitted clock), of
 * one surgeon's listings and one priority when given: `{waiting, medianDaysWaiting,
 * p90DaysWaiting, breachesThisMonth, forecast: [{weekStarting, breaches}] x 4}` (days; see
 * `summariseWaitingList` for each figure). Counts only: no patient is named, so nothing is audited.
 */
export async function waitingListSummary(
  actor: Actor,
  filters: Filters,
  now = new Date(),
): Promise<WaitingListSummary> {
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  const today = dayOf(now, site.timeZone);
  const { sql, values } = waitingListQuery(site.id, today, site.timeZone, filters);
  const groups = await db().$queryRawUnsafe<ListingGroup[]>(sql, ...values);
  const policies = policiesOf(site.policies);
  const listings = groups.flatMap((group) => {
    const clock = admittedClock(
      {
        listedOn: dayOfColumn(group.listed_on),
        operatedOn: group.operated_on && dayOfColumn(group.operated_on),
        cancelledOn: group.cancelled_on && dayOfColumn(group.cancelled_on),
      },
      today,
      policies,
    );
    return Array.from({ length: group.patients }, () => ({ clock, operated: group.operated_on !== null }));
  });
  return summariseWaitingList(listings, today);
}
