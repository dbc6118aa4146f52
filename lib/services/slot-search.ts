// The slot finder staff book and move with: free slots for a case's next appointment of a kind,
// or for moving one appointment, filtered by clinician, room, date range and part of the day,
// paged, and offered only on the days the pathway would accept them (so every slot shown is one
// the booking or the move accepts).
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/domain/errors";
import { policiesOf } from "@/lib/domain/policies";
import type { AppointmentKind } from "@/lib/domain/scheduling";
import { addDays, dayOf, type Day } from "@/lib/domain/time";
import type { MoveSlotQuery, SlotQuery } from "@/lib/schemas/appointment";
import { instant, uuid } from "@/lib/schemas/common";
import { z } from "zod";
import { recordAudit } from "./audit";
import { bookableDays, movableDays, type BookableDays } from "./booking/bookable-days";
import { loadCase, type CaseRow } from "./case-record";
import { decodeCursor, encodeCursor } from "./cursor";
import { findSlots, type Slot, type SlotQuery as FinderQuery } from "./slots";

const slotCursor = z.strictObject({ after: instant, clinicianId: uuid.optional() });
type Filters = Pick<SlotQuery, "from" | "to" | "days" | "partOfDay" | "limit" | "cursor">;

/** Kinds whose default clinician is the case's own surgeon: they continue the surgeon's care. */
const ownSurgeonKinds: readonly AppointmentKind[] = ["follow_up", "arthroscopy"];

/**
 * The case's own surgeon: who listed it for surgery, else who reviewed its latest reviewed
 * first-line course; null when neither (or no longer active).
 */
async function ownSurgeon(tx: Tx, row: CaseRow): Promise<string | null> {
  const reviewed = row.courses.filter((c) => c.reviewedById).at(-1)?.reviewedById ?? null;
  const id = row.listing?.surgeonId ?? reviewed;
  if (!id) return null;
  const active = await tx.staff.findFirst({ where: { id, active: true, role: "surgeon" }, select: { id: true } });
  return active?.id ?? null;
}

/**
 * Free slots for the case's next appointment of `query.kind`, in (start, clinician) order, one per
 * start and free clinician, `limit` a page (`nextCursor` resumes after the page's last; null on the
 * last page). `clinicianId` absent defaults to the case's own surgeon for a follow-up or the
 * arthroscopy; `any` is anyone of the kind's role. Offers only days the booking's pathway rules
 * accept (SX-2..SX-4, PO-3, PO-4, PW-3); when the case itself is refused on every day, throws that
 * refusal (422 with its rule) as the booking would.
 */
export async function searchSlots(actor: Actor, query: SlotQuery, now = new Date()) {
  return db().$transaction(async (tx) => {
    const row = await loadCase(tx, query.caseId);
    const policies = policiesOf(row.site.policies);
    const clinicianId =
      query.clinicianId === "any"
        ? undefined
        : (query.clinicianId ?? (ownSurgeonKinds.includes(query.kind) ? await ownSurgeon(tx, row) : undefined));
    const allowed = (days: Day[], today: Day) => bookableDays(tx, row, query.kind, days, today, policies);
    const answer = await searchIn(tx, row, query, now, allowed, {
      kind: query.kind,
      minutes: policies.durations[query.kind],
      patientId: row.patientId,
      clinicianId: clinicianId ?? undefined,
      roomId: query.homeVisit === "true" ? null : query.roomId,
    });
    await recordAudit(tx, actor, [
      { action: "appointment.slots", entity: "clinical_case", entityId: row.id, patientId: row.patientId },
    ]);
    return answer;
  });
}

/**
 * Free times appointment `id` can move to (SC-4: with its own clinician, anaesthetist and room,
 * and its own length), paged as `searchSlots`, on the days the move's pathway check accepts
 * (PO-3: a dressing never after its due day). 404 for an unknown appointment; a cancelled one
 * has no free times (an empty page).
 */
export async function searchMoveSlots(actor: Actor, id: string, query: MoveSlotQuery, now = new Date()) {
  return db().$transaction(async (tx) => {
    const appointment = await tx.appointment.findUnique({
      where: { id },
      include: { dressingVisit: true, physioSession: true },
    });
    if (!appointment) throw notFound("The appointment");
    const row = await loadCase(tx, appointment.caseId);
    const policies = policiesOf(row.site.policies);
    const answer =
      appointment.status !== "booked"
        ? { items: [], nextCursor: null }
        : await searchIn(tx, row, query, now, (days, today) => movableDays(row, appointment, days, today, policies), {
            kind: appointment.kind,
            minutes: (appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000,
            patientId: row.patientId,
            clinicianId: appointment.clinicianId ?? undefined,
            anaesthetistId: appointment.anaesthetistId ?? undefined,
            roomId: appointment.roomId,
            movingId: appointment.id,
          });
    await recordAudit(tx, actor, [
      { action: "appointment.slots", entity: "appointment", entityId: appointment.id, patientId: row.patientId },
    ]);
    return answer;
  });
}

type Who = Pick<
  FinderQuery,
  "kind" | "minutes" | "patientId" | "clinicianId" | "anaesthetistId" | "roomId" | "movingId"
>;

/** The page of free slots over the filters' days that `allowed` keeps, presented with names. */
async function searchIn(
  tx: Tx,
  row: CaseRow,
  filters: Filters,
  now: Date,
  allowed: (days: Day[], today: Day) => Promise<BookableDays>,
  who: Who,
) {
  {
    const cursor = filters.cursor ? decodeCursor(filters.cursor, slotCursor) : null;
    const timeZone = row.site.timeZone;
    const today = dayOf(now, timeZone);
    const from = filters.from < today ? today : filters.from;
    const to = filters.to ?? addDays(filters.from, filters.days - 1);
    const range: Day[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) range.push(day);
    const bookable = await allowed(range, today);
    if (bookable.refused && bookable.refusedEveryDay) throw bookable.refused;
    const slots = await findSlots(tx, {
      ...who,
      siteId: row.siteId,
      timeZone,
      from,
      to,
      days: bookable.days,
      partOfDay: filters.partOfDay,
      notBefore: now,
      after: cursor ? { start: new Date(cursor.after), clinicianId: cursor.clinicianId ?? null } : undefined,
      limit: filters.limit + 1,
    });
    const more = slots.length > filters.limit;
    slots.splice(filters.limit);
    const last = slots.at(-1);
    return {
      items: await presentSlots(tx, slots),
      nextCursor:
        more && last
          ? encodeCursor({
              after: last.start.toISOString(),
              ...(last.clinicianId ? { clinicianId: last.clinicianId } : {}),
            })
          : null,
    };
  }
}

/** Slots with the names of their clinician, anaesthetist and room. */
export async function presentSlots(tx: Tx, slots: Slot[]) {
  const ids = [...new Set(slots.flatMap((s) => [s.clinicianId, s.anaesthetistId, s.roomId]))].filter((x): x is string =>
    Boolean(x),
  );
  const staff = await tx.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const rooms = await tx.room.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map([...staff, ...rooms].map((x) => [x.id, x]));
  const named = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return slots.map((s) => ({
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    clinician: named(s.clinicianId),
    anaesthetist: named(s.anaesthetistId),
    room: named(s.roomId),
  }));
}
