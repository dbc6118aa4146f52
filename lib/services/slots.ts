// Free-slot search, computed by PostgreSQL in one query: the working windows of the staff of the
// right role and the opening windows of the rooms of the right kind, on each day in the site's
// zone, stepped every 10 minutes, without any live booking of the clinician, anaesthetist, room
// or patient overlapping (each test uses the exclusion constraint's GiST index). One slot is
// offered per start and clinician, so every clinician free at a time can be chosen.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { requirements, type AppointmentKind } from "@/lib/domain/scheduling";
import type { Day } from "@/lib/domain/time";

export type SlotQuery = {
  siteId: string;
  timeZone: string;
  kind: AppointmentKind;
  minutes: number;
  from: Day;
  to: Day;
  /** Only these days of from..to (the days the pathway allows); all of them when absent. */
  days?: Day[];
  /** Starts before noon (morning) or from noon on (afternoon), site time. */
  partOfDay?: PartOfDay;
  /** Resume after this slot: later starts, or the same start with a later clinician. */
  after?: { start: Date; clinicianId: string | null };
  /** An appointment being moved: its own bookings are not in its way. */
  movingId?: string;
  patientId: string;
  notBefore: Date;
  clinicianId?: string;
  anaesthetistId?: string;
  roomId?: string | null;
  /** Only this start: used to find who is free for a booking made without naming them. */
  exactStart?: Date;
  /** Working and opening hours only: used to tell "nobody works then" from "everybody is busy". */
  ignoreBookings?: boolean;
  limit: number;
};

export type Slot = {
  start: Date;
  end: Date;
  clinicianId: string | null;
  anaesthetistId: string | null;
  roomId: string | null;
};

export type PartOfDay = "morning" | "afternoon";

const stepMinutes = 10;
const noOne = "00000000-0000-0000-0000-000000000000";

function staffWindows(q: SlotQuery, role: string, staffId: string | undefined) {
  const only = staffId ? Prisma.sql`AND s.id = ${staffId}::uuid` : Prisma.empty;
  return Prisma.sql`
    SELECT s.id, d.day, (d.day + w.starts_at) AT TIME ZONE ${q.timeZone} AS ws, (d.day + w.ends_at) AT TIME ZONE ${q.timeZone} AS we
    FROM staff s JOIN days d ON true
    JOIN working_hours w ON w.staff_id = s.id AND w.weekday = extract(isodow FROM d.day)
    WHERE s.site_id = ${q.siteId}::uuid AND s.active AND s.role = ${role}::"StaffRole" ${only}
      AND NOT EXISTS (SELECT 1 FROM working_hours_exception x WHERE x.staff_id = s.id AND x.on_date = d.day)
    UNION ALL
    SELECT s.id, d.day, (d.day + x.starts_at) AT TIME ZONE ${q.timeZone}, (d.day + x.ends_at) AT TIME ZONE ${q.timeZone}
    FROM staff s JOIN days d ON true
    JOIN working_hours_exception x ON x.staff_id = s.id AND x.on_date = d.day AND x.starts_at IS NOT NULL
    WHERE s.site_id = ${q.siteId}::uuid AND s.active AND s.role = ${role}::"StaffRole" ${only}`;
}

/** The free starts of each staff member or room in its own windows: (id, gs). */
function freeStarts(q: SlotQuery, windows: Prisma.Sql) {
  const starts = q.exactStart
    ? Prisma.sql`(SELECT ${q.exactStart}::timestamptz AS gs) g`
    : Prisma.sql`generate_series(w.ws, w.we - make_interval(mins => ${q.minutes}::int), interval '${Prisma.raw(String(stepMinutes))} minutes') AS gs`;
  const partOfDay = q.partOfDay
    ? Prisma.sql`AND ((gs AT TIME ZONE ${q.timeZone})::time < time '12:00') = ${q.partOfDay === "morning"}`
    : Prisma.empty;
  return Prisma.sql`
    SELECT w.id, gs FROM (${windows}) w CROSS JOIN LATERAL ${starts}
    WHERE gs >= ${q.notBefore} AND gs >= w.ws AND gs + make_interval(mins => ${q.minutes}::int) <= w.we
      ${q.after ? Prisma.sql`AND gs >= ${q.after.start}` : Prisma.empty} ${partOfDay}
      AND (${q.ignoreBookings ?? false} OR NOT EXISTS (${bookingOf(q, Prisma.sql`w.id`, Prisma.sql`gs`)}))`;
}

/** A live booking of `resource` overlapping the slot starting at `start`, other than the appointment being moved. */
function bookingOf(q: SlotQuery, resource: Prisma.Sql, start: Prisma.Sql) {
  return Prisma.sql`
    SELECT 1 FROM appointment_resource ar
    WHERE ar.active AND ar.resource_id = ${resource} AND ar.appointment_id <> ${q.movingId ?? noOne}::uuid
      AND ar.period && tstzrange(${start}, ${start} + make_interval(mins => ${q.minutes}::int))`;
}

/**
 * Each part's free starts are found on its own (one indexed overlap test per person or room and
 * start), then matched on the start (an equality join, so PostgreSQL hashes it); at each start,
 * each free clinician is offered once, with the first free anaesthetist and room.
 */
export async function findSlots(tx: Tx, q: SlotQuery): Promise<Slot[]> {
  const need = requirements[q.kind];
  const clinicians = need.clinician && freeStarts(q, staffWindows(q, need.clinician, q.clinicianId));
  const anaesthetists = need.anaesthetist && freeStarts(q, staffWindows(q, "anaesthetist", q.anaesthetistId));
  const rooms =
    q.roomId !== null &&
    freeStarts(
      q,
      Prisma.sql`
    SELECT r.id, d.day, (d.day + h.starts_at) AT TIME ZONE ${q.timeZone} AS ws, (d.day + h.ends_at) AT TIME ZONE ${q.timeZone} AS we
    FROM room r JOIN days d ON true JOIN room_hours h ON h.room_id = r.id AND h.weekday = extract(isodow FROM d.day)
    WHERE r.site_id = ${q.siteId}::uuid AND r.active AND r.kind = ${need.room}::"RoomKind"
      ${q.roomId ? Prisma.sql`AND r.id = ${q.roomId}::uuid` : Prisma.empty}`,
    );
  // The parts the kind needs, joined on the start; the first part gives the start.
  const part = (sql: Prisma.Sql | false | null, alias: string) =>
    sql ? { sql, alias: Prisma.raw(alias), id: Prisma.raw(`${alias}.id`) } : null;
  const [c, a, r] = [part(clinicians, "c"), part(anaesthetists, "a"), part(rooms, "r")];
  const parts = [c, a, r].filter((p) => p !== null);
  const [first, ...rest] = parts;
  if (!first) return [];
  const gs = Prisma.sql`${first.alias}.gs`;
  const idOf = (p: typeof c) => p?.id ?? Prisma.sql`NULL::uuid`;
  const clinician = idOf(c);
  const days = q.days
    ? Prisma.sql`SELECT unnest(${q.days}::date[]) AS day`
    : Prisma.sql`SELECT d::date AS day FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') AS d`;
  const withs = Prisma.join(
    parts.map((p) => Prisma.sql`${p.alias} AS (${p.sql})`),
    ", ",
  );
  const joins = rest.length
    ? Prisma.join(
        rest.map((p) => Prisma.sql`JOIN ${p.alias} ON ${p.alias}.gs = ${gs}`),
        " ",
      )
    : Prisma.empty;
  const after = q.after
    ? Prisma.sql`AND (${gs}, coalesce(${clinician}, ${noOne}::uuid)) > (${q.after.start}::timestamptz, ${q.after.clinicianId ?? noOne}::uuid)`
    : Prisma.empty;
  const rows = await tx.$queryRaw<
    { gs: Date; clinician_id: string | null; anaesthetist_id: string | null; room_id: string | null }[]
  >`
    WITH days AS (${days}), ${withs}
    SELECT DISTINCT ON (${gs}, ${clinician}) ${gs} AS gs, ${clinician} AS clinician_id,
      ${idOf(a)} AS anaesthetist_id, ${idOf(r)} AS room_id
    FROM ${first.alias} ${joins}
    WHERE (${q.ignoreBookings ?? false} OR NOT EXISTS (${bookingOf(q, Prisma.sql`${q.patientId}::uuid`, gs)})) ${after}
    ORDER BY ${gs}, ${clinician}, anaesthetist_id, room_id
    LIMIT ${q.limit}`;
  return rows.map((row) => ({
    start: row.gs,
    end: new Date(row.gs.getTime() + q.minutes * 60_000),
    clinicianId: row.clinician_id,
    anaesthetistId: row.anaesthetist_id,
    roomId: row.room_id,
  }));
}
