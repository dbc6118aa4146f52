// The waiting list's dashboard figures for the actor's site: one query loads the few columns of
// the listings that can count (still waiting, or stopped this month), and the pure summary in
// lib/domain/waiting-list-summary.ts computes the figures, so there is one definition of each.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf, instantAt, type Day } from "@/lib/domain/time";
import { admittedClock, waitingStatuses, type ListingPriority } from "@/lib/domain/waiting-list";
import { summariseWaitingList, type WaitingListSummary } from "@/lib/domain/waiting-list-summary";

type ListingRow = { listed_on: Date; operation_day: Date | null; cancelled_at: Date | null };
type Filters = { surgeonId?: string; priority?: ListingPriority };

/**
 * The one statement behind the summary, as SQL text and its values ($1..$6), so the benchmark
 * can send it straight to PostgreSQL: the site's listings still waiting, or whose clock stopped
 * (operation or cancellation) this month or later; a clock stopped earlier cannot count.
 */
export function waitingListQuery(siteId: string, today: Day, timeZone: string, filters: Filters) {
  const monthStart = `${today.slice(0, 8)}01`;
  const sql = `
    SELECT l.listed_on, o.operation_day,
           CASE WHEN c.status = 'cancelled' THEN c.status_changed_at END AS cancelled_at
    FROM surgical_listing l
    JOIN clinical_case c ON c.id = l.case_id
    LEFT JOIN operation o ON o.case_id = l.case_id
    WHERE c.site_id = $1::uuid
      AND ($2::uuid IS NULL OR l.surgeon_id = $2::uuid)
      AND ($3::"ListingPriority" IS NULL OR l.priority = $3::"ListingPriority")
      AND (c.status = ANY($4::"CaseStatus"[])
        OR o.operation_day >= $5::date
        OR (c.status = 'cancelled' AND c.status_changed_at >= $6::timestamptz))`;
  const values = [
    siteId,
    filters.surgeonId ?? null,
    filters.priority ?? null,
    [...waitingStatuses],
    monthStart,
    instantAt(monthStart, 0, 0, timeZone).toISOString(),
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
  const rows = await db().$queryRawUnsafe<ListingRow[]>(sql, ...values);
  const policies = policiesOf(site.policies);
  return summariseWaitingList(
    rows.map((row) => ({
      clock: admittedClock(
        {
          listedOn: dayOfColumn(row.listed_on),
          operatedOn: row.operation_day && dayOfColumn(row.operation_day),
          // A cancelled case's status changed last at its cancellation (the pathway ends there).
          cancelledOn: row.cancelled_at && dayOf(row.cancelled_at, site.timeZone),
        },
        today,
        policies,
      ),
      operated: row.operation_day !== null,
    })),
    today,
  );
}
