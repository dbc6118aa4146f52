// The surgical waiting list (WL-3): every listed, not yet operated, not cancelled case of the
// actor's site, in priority, breach date, listing date and case id order, page by page and as a
// CSV export, each read audited.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { admissionFor } from "@/lib/domain/assessment";
import { policiesOf } from "@/lib/domain/policies";
import { addDays, dayOf } from "@/lib/domain/time";
import {
  admittedClock,
  listingPriorities,
  priorityDueOn,
  waitingStatuses,
  type ListingPriority,
} from "@/lib/domain/waiting-list";
import { isoDate, uuid } from "@/lib/schemas/common";
import type { WaitingListFilter, WaitingListItem, WaitingListQuery } from "@/lib/schemas/waiting-list";
import { recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";

// The cursor holds the WL-3 key of a page's last row without its breach date: at one site the
// breach date is the listing date plus one target, so it orders exactly as the listing date does
// (and a target changed between two pages cannot make a page skip or repeat a row).
const waitingCursor = z.strictObject({ priority: z.enum(listingPriorities), listedOn: isoDate, caseId: uuid });
export type WaitingKey = z.infer<typeof waitingCursor>;

type WaitingRow = {
  case_id: string;
  patient_id: string;
  given_name: string;
  family_name: string;
  mrn: string;
  priority: ListingPriority;
  listed_on: Date;
  assessed_on: Date | null;
  home_support: boolean | null;
  arthroscopy_at: Date | null;
  time_zone: string;
  policies: unknown;
};

/**
 * The statement reading up to `limit` waiting cases of the actor's site after `after` (a WL-3
 * key), in WL-3 order, as ONE statement: the actor's site (its zone and policies ride on each
 * row), the page walked in the order of the index `surgical_listing (priority, listed_on,
 * case_id)` (or its surgeon variant), and only then, for the page's rows, the patient, the latest
 * anaesthesia assessment and the booked arthroscopy. Exported for the benchmark, which times it
 * bare beside the service.
 */
export function waitingListStatement(
  actorId: string,
  filter: WaitingListFilter,
  after: WaitingKey | undefined,
  limit: number,
): Prisma.Sql {
  const conditions = [
    filter.surgeonId ? Prisma.sql`l.surgeon_id = ${filter.surgeonId}::uuid` : null,
    filter.priority ? Prisma.sql`l.priority = ${filter.priority}::"ListingPriority"` : null,
    after
      ? Prisma.sql`(l.priority, l.listed_on, l.case_id) >
          (${after.priority}::"ListingPriority", ${after.listedOn}::date, ${after.caseId}::uuid)`
      : null,
  ].filter((c) => c !== null);
  const statuses = Prisma.join(waitingStatuses.map((s) => Prisma.sql`${s}::"CaseStatus"`));
  return Prisma.sql`
    WITH me AS (
      SELECT st.site_id, site.time_zone, site.policies FROM staff st JOIN site ON site.id = st.site_id
      WHERE st.id = ${actorId}::uuid
    )
    SELECT w.case_id, w.patient_id, p.given_name, p.family_name, p.mrn, w.priority, w.listed_on,
           a.assessed_on, a.home_support, b.starts_at AS arthroscopy_at, me.time_zone, me.policies
    FROM (
      SELECT l.case_id, c.patient_id, l.priority, l.listed_on
      FROM surgical_listing l JOIN clinical_case c ON c.id = l.case_id
      WHERE c.site_id = (SELECT site_id FROM me) AND c.status IN (${statuses})
        ${conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
      ORDER BY l.priority, l.listed_on, l.case_id
      LIMIT ${limit}
    ) w
    CROSS JOIN me
    JOIN patient p ON p.id = w.patient_id
    LEFT JOIN LATERAL (
      SELECT assessed_on, home_support FROM anaesthesia_assessment
      WHERE case_id = w.case_id ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1
    ) a ON true
    LEFT JOIN LATERAL (
      SELECT starts_at FROM appointment
      WHERE case_id = w.case_id AND kind = 'arthroscopy' AND status = 'booked' ORDER BY starts_at LIMIT 1
    ) b ON true
    ORDER BY w.priority, w.listed_on, w.case_id`;
}

const waitingRows = (actorId: string, filter: WaitingListFilter, after: WaitingKey | undefined, limit: number) =>
  db().$queryRaw<WaitingRow[]>(waitingListStatement(actorId, filter, after, limit));

/** A row as the API shows it, with its clocks counted to `now`'s day at the site (WL-1, WL-2, SX-3, SX-4). */
function present(row: WaitingRow, now: Date): WaitingListItem {
  const policies = policiesOf(row.policies);
  const listedOn = dayOfColumn(row.listed_on);
  const clock = admittedClock({ listedOn, operatedOn: null, cancelledOn: null }, dayOf(now, row.time_zone), policies);
  const assessedOn = row.assessed_on ? dayOfColumn(row.assessed_on) : null;
  return {
    caseId: row.case_id,
    patient: { id: row.patient_id, name: `${row.family_name.toUpperCase()}, ${row.given_name}`, mrn: row.mrn },
    priority: row.priority,
    listedOn,
    daysWaiting: clock.daysWaited,
    breachOn: clock.breachOn,
    priorityDueOn: priorityDueOn(listedOn, row.priority),
    assessmentValidUntil: assessedOn ? addDays(assessedOn, policies.assessmentValidityDays) : null,
    admission: row.home_support === null ? null : admissionFor({ homeSupport: row.home_support }),
    arthroscopyBooked: row.arthroscopy_at?.toISOString() ?? null,
  };
}

const keyOf = (item: WaitingListItem): WaitingKey => ({
  priority: item.priority,
  listedOn: item.listedOn,
  caseId: item.caseId,
});

/**
 * A page of the waiting list of the actor's site (WL-3), `query.limit` rows after `query.cursor`,
 * filtered by listing surgeon and priority; `nextCursor` null on the last page. Audited as one
 * `waiting_list.read` list read naming the page's patients. A cursor this list did not return is
 * `invalid` (VALIDATION at `cursor`).
 */
export async function readWaitingList(
  actor: Actor,
  query: WaitingListQuery,
  now = new Date(),
): Promise<{ items: WaitingListItem[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, waitingCursor) : undefined;
  const rows = await waitingRows(actor.id, query, after, query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => present(row, now));
  await recordListRead(db(), actor, {
    action: "waiting_list.read",
    entity: "surgical_listing",
    itemPatientIds: items.map((item) => item.patient.id),
  });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(keyOf(last)) : null };
}

/** The CSV export's columns, in order: days as YYYY-MM-DD, the booked arthroscopy as a UTC instant. */
export const waitingListColumns = [
  "Priority",
  "Patient",
  "MRN",
  "Listed on",
  "Days waiting",
  "Breach date",
  "Priority due",
  "Assessment valid until",
  "Admission",
  "Arthroscopy booked (UTC)",
];

const exportBatch = 500;

/**
 * Every row of the waiting list matching `filter`, in WL-3 order, read 500 at a time by the
 * page's indexed query, so a long list is never held in memory. Each batch is audited (one
 * `waiting_list.export` row naming its patients) before any of it is yielded. Yields each row as
 * the export's fields (`waitingListColumns`).
 */
export async function* exportWaitingList(
  actor: Actor,
  filter: WaitingListFilter,
  now = new Date(),
): AsyncGenerator<(string | number | null)[]> {
  let after: WaitingKey | undefined;
  for (;;) {
    const rows = await waitingRows(actor.id, filter, after, exportBatch);
    const items = rows.map((row) => present(row, now));
    await recordListRead(db(), actor, {
      action: "waiting_list.export",
      entity: "surgical_listing",
      itemPatientIds: items.map((item) => item.patient.id),
    });
    for (const item of items)
      yield [
        item.priority,
        item.patient.name,
        item.patient.mrn,
        item.listedOn,
        item.daysWaiting,
        item.breachOn,
        item.priorityDueOn,
        item.assessmentValidUntil,
        item.admission === "day_case" ? "day case" : item.admission,
        item.arthroscopyBooked,
      ];
    const last = items.at(-1);
    if (rows.length < exportBatch || !last) return;
    after = keyOf(last);
  }
}
