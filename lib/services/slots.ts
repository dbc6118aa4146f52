// Free-slot search, computed by PostgreSQL in one query: the working windows of the staff of the
// right role and the opening windows of the rooms of the right kind, on each day in the site's
// zone, stepped every 10 minutes, without any live booking of the clinician, anaesthetist, room
// or patient overlapping (each test uses the exclusion constraint's GiST index).
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

const stepMinutes = 10;

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
  return Prisma.sql`
    SELECT w.id, gs FROM (${windows}) w CROSS JOIN LATERAL ${starts}
    WHERE gs >= ${q.notBefore} AND gs >= w.ws AND gs + make_interval(mins => ${q.minutes}::int) <= w.we
      AND (${q.ignoreBookings ?? false} OR NOT EXISTS (
        SELECT 1 FROM appointment_resource ar
        WHERE ar.active AND ar.resource_id = w.id AND ar.period && tstzrange(gs, gs + make_interval(mins => ${q.minutes}::int))))`;
}

// Stands in for a part the kind does not need (no clinician for imaging, no room for a home visit).
const nobody = Prisma.sql`SELECT NULL::uuid AS id, NULL::timestamptz AS gs`;

/**
 * Each part's free starts are found on its own (one indexed overlap test per person or room and
 * start), then matched on the start; the first match at each time is offered.
 */
export async function findSlots(tx: Tx, q: SlotQuery): Promise<Slot[]> {
  const need = requirements[q.kind];
  const clinicians = need.clinician ? freeStarts(q, staffWindows(q, need.clinician, q.clinicianId)) : nobody;
  const anaesthetists = need.anaesthetist ? freeStarts(q, staffWindows(q, "anaesthetist", q.anaesthetistId)) : nobody;
  const rooms =
    q.roomId === null
      ? nobody
      : freeStarts(
          q,
          Prisma.sql`
    SELECT r.id, d.day, (d.day + h.starts_at) AT TIME ZONE ${q.timeZone} AS ws, (d.day + h.ends_at) AT TIME ZONE ${q.timeZone} AS we
    FROM room r JOIN days d ON true JOIN room_hours h ON h.room_id = r.id AND h.weekday = extract(isodow FROM d.day)
    WHERE r.site_id = ${q.siteId}::uuid AND r.active AND r.kind = ${need.room}::"RoomKind"
      ${q.roomId ? Prisma.sql`AND r.id = ${q.roomId}::uuid` : Prisma.empty}`,
        );
  const rows = await tx.$queryRaw<
    { gs: Date; clinician_id: string | null; anaesthetist_id: string | null; room_id: string | null }[]
  >`
    WITH days AS (SELECT d::date AS day FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') AS d),
    c AS (${clinicians}), a AS (${anaesthetists}), r AS (${rooms})
    SELECT DISTINCT ON (coalesce(c.gs, r.gs)) coalesce(c.gs, r.gs) AS gs, c.id AS clinician_id, a.id AS anaesthetist_id, r.id AS room_id
    FROM c
    JOIN a ON a.gs IS NULL OR a.gs = c.gs
    JOIN r ON r.gs IS NULL OR c.gs IS NULL OR r.gs = c.gs
    WHERE coalesce(c.gs, r.gs) IS NOT NULL
      AND (${q.ignoreBookings ?? false} OR NOT EXISTS (
        SELECT 1 FROM appointment_resource ar
        WHERE ar.active AND ar.resource_id = ${q.patientId}::uuid
          AND ar.period && tstzrange(coalesce(c.gs, r.gs), coalesce(c.gs, r.gs) + make_interval(mins => ${q.minutes}::int))))
    ORDER BY coalesce(c.gs, r.gs), c.id, a.id, r.id
    LIMIT ${q.limit}`;
  return rows.map((row) => ({
    start: row.gs,
    end: new Date(row.gs.getTime() + q.minutes * 60_000),
    clinicianId: row.clinician_id,
    anaesthetistId: row.anaesthetist_id,
    roomId: row.room_id,
  }));
}
