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

export type Slot = { start: Date; end: Date; clinicianId: string | null; anaesthetistId: string | null; roomId: string | null };

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

const noneWindow = Prisma.sql`SELECT NULL::uuid AS id, NULL::date AS day, NULL::timestamptz AS ws, NULL::timestamptz AS we`;
const free = (column: Prisma.Sql) =>
  Prisma.sql`(${column} IS NULL OR NOT EXISTS (SELECT 1 FROM appointment_resource ar WHERE ar.active AND ar.resource_id = ${column} AND ar.period && tstzrange(gs, gs + make_interval(mins => m.minutes))))`;

export async function findSlots(tx: Tx, q: SlotQuery): Promise<Slot[]> {
  const need = requirements[q.kind];
  const clinicians = need.clinician ? staffWindows(q, need.clinician, q.clinicianId) : noneWindow;
  const anaesthetists = need.anaesthetist ? staffWindows(q, "anaesthetist", q.anaesthetistId) : noneWindow;
  const rooms =
    q.roomId === null
      ? noneWindow
      : Prisma.sql`
    SELECT r.id, d.day, (d.day + h.starts_at) AT TIME ZONE ${q.timeZone} AS ws, (d.day + h.ends_at) AT TIME ZONE ${q.timeZone} AS we
    FROM room r JOIN days d ON true JOIN room_hours h ON h.room_id = r.id AND h.weekday = extract(isodow FROM d.day)
    WHERE r.site_id = ${q.siteId}::uuid AND r.active AND r.kind = ${need.room}::"RoomKind"
      ${q.roomId ? Prisma.sql`AND r.id = ${q.roomId}::uuid` : Prisma.empty}`;
  const starts = q.exactStart
    ? Prisma.sql`(SELECT ${q.exactStart}::timestamptz AS gs) g`
    : Prisma.sql`generate_series(greatest(c.ws, a.ws, r.ws), least(c.we, a.we, r.we) - make_interval(mins => m.minutes), interval '${Prisma.raw(String(stepMinutes))} minutes') AS gs`;
  const rows = await tx.$queryRaw<{ gs: Date; clinician_id: string | null; anaesthetist_id: string | null; room_id: string | null }[]>`
    WITH m AS (SELECT ${q.minutes}::int AS minutes),
    days AS (SELECT d::date AS day FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') AS d),
    c AS (${clinicians}), a AS (${anaesthetists}), r AS (${rooms})
    SELECT gs, c.id AS clinician_id, a.id AS anaesthetist_id, r.id AS room_id
    FROM c CROSS JOIN m
    JOIN a ON a.day IS NULL OR c.day IS NULL OR a.day = c.day
    JOIN r ON r.day IS NULL OR c.day IS NULL OR r.day = c.day
    CROSS JOIN LATERAL ${starts}
    WHERE gs >= ${q.notBefore}
      AND gs >= greatest(c.ws, a.ws, r.ws) AND gs + make_interval(mins => m.minutes) <= least(c.we, a.we, r.we)
      AND (${q.ignoreBookings ?? false} OR (${free(Prisma.sql`c.id`)} AND ${free(Prisma.sql`a.id`)} AND ${free(Prisma.sql`r.id`)} AND ${free(Prisma.sql`${q.patientId}::uuid`)}))
    ORDER BY gs, c.id, a.id, r.id
    LIMIT ${q.limit}`;
  return rows.map((row) => ({
    start: row.gs,
    end: new Date(row.gs.getTime() + q.minutes * 60_000),
    clinicianId: row.clinician_id,
    anaesthetistId: row.anaesthetist_id,
    roomId: row.room_id,
  }));
}
