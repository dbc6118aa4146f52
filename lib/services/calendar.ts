// Reading the calendar: appointments in a period for a clinician, room, patient or case (the
// cancelled ones too, marked). The free slots are in slot-search.ts.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/domain/errors";
import type { AppointmentStatus, Attendance } from "@/lib/db/generated/enums";
import type { AppointmentQuery, AppointmentView } from "@/lib/schemas/appointment";
import { z } from "zod";
import { instant, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { calendarRows, type CalendarRow } from "./calendar-rows";
import { decodeCursor, encodeCursor } from "./cursor";
import { patientCalendarFile } from "./patient-calendar";

/** The appointment as the actor's role may see it: the reasons of its history only with "appointment.readReasons". */
function present(row: CalendarRow, actor: Actor): AppointmentView {
  const reasons = isAllowed(actor.role, "appointment.readReasons");
  return {
    id: row.id,
    caseId: row.caseId,
    patient: {
      id: row.patient.id,
      name: `${row.patient.familyName.toUpperCase()}, ${row.patient.givenName}`,
      mrn: row.patient.mrn,
    },
    kind: row.kind,
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    clinician: row.clinician,
    anaesthetist: row.anaesthetist,
    room: row.room,
    admission: row.admission,
    dressingDueOn: row.dressingDueOn ? dayOfColumn(row.dressingDueOn) : null,
    dressingVisitId: row.dressingVisitId,
    physioSession: row.physioSession,
    physioSessionId: row.physioSessionId,
    recorded: row.recorded,
    attendance: row.attendance,
    attendanceRecord: row.attendanceRecord && {
      at: row.attendanceRecord.at.toISOString(),
      by: row.attendanceRecord.by,
    },
    history: row.events.map((e) => ({
      action: e.action,
      at: e.at.toISOString(),
      by: e.by,
      ...(reasons ? { reason: e.reason } : {}),
      start: e.startsAt.toISOString(),
      end: e.endsAt.toISOString(),
    })),
  };
}

const appointmentCursor = z.strictObject({ startsAt: instant, id: uuid });

/**
 * Appointments matching the query in (start, id) order, `limit` a page: `nextCursor` resumes
 * after the page's last one (null on the last page). Audits each appointment read.
 */
export async function listAppointments(actor: Actor, query: AppointmentQuery) {
  const after = query.cursor ? decodeCursor(query.cursor, appointmentCursor) : null;
  const uuidIs = (column: Prisma.Sql, id: string | undefined) => (id ? [Prisma.sql`${column} = ${id}::uuid`] : []);
  const conditions = [
    // The anaesthetist of an arthroscopy is in it too.
    ...(query.clinicianId
      ? [Prisma.sql`(a.clinician_id = ${query.clinicianId}::uuid OR a.anaesthetist_id = ${query.clinicianId}::uuid)`]
      : []),
    ...uuidIs(Prisma.sql`a.room_id`, query.roomId),
    ...uuidIs(Prisma.sql`a.patient_id`, query.patientId),
    ...uuidIs(Prisma.sql`a.case_id`, query.caseId),
    ...(query.kind ? [Prisma.sql`a.kind = ${query.kind}::"AppointmentKind"`] : []),
    // Overlapping the period; bounded on both sides of starts_at so the (resource, starts_at)
    // indexes serve the query (no appointment is longer than a day).
    ...(query.from
      ? [
          Prisma.sql`a.starts_at >= ${new Date(new Date(query.from).getTime() - 24 * 3_600_000)}`,
          Prisma.sql`a.ends_at > ${new Date(query.from)}`,
        ]
      : []),
    ...(query.to ? [Prisma.sql`a.starts_at < ${new Date(query.to)}`] : []),
    ...(after ? [Prisma.sql`(a.starts_at, a.id) > (${new Date(after.startsAt)}, ${after.id}::uuid)`] : []),
  ];
  const rows = await calendarRows(
    db(),
    conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  await recordListRead(db(), actor, {
    action: "appointment.read",
    entity: "appointment",
    itemPatientIds: page.map((r) => r.patientId),
  });
  const last = page.at(-1);
  return {
    items: page.map((row) => present(row, actor)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ startsAt: last.startsAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * The appointment `id` as `actor` may see it, read in the caller's transaction and not audited:
 * for a command that answers with what it has just written (its own audit row says so).
 */
export async function appointmentViewIn(tx: Tx, actor: Actor, id: string): Promise<AppointmentView> {
  const [row] = await calendarRows(tx, Prisma.sql`a.id = ${id}::uuid`, 1);
  if (!row) throw notFound("The appointment");
  return present(row, actor);
}

/** The appointment `id`, its read audited (one row naming its patient); throws NOT_FOUND when there is none. */
async function readAppointment(actor: Actor, id: string): Promise<CalendarRow> {
  return db().$transaction(async (tx) => {
    const [row] = await calendarRows(tx, Prisma.sql`a.id = ${id}::uuid`, 1);
    if (!row) throw notFound("The appointment");
    await recordAudit(tx, actor, [
      { action: "appointment.read", entity: "appointment", entityId: row.id, patientId: row.patientId },
    ]);
    return row;
  });
}

/** The appointment `id` as the actor's role may see it, its read audited; throws NOT_FOUND when there is none. */
export async function getAppointment(actor: Actor, id: string) {
  return present(await readAppointment(actor, id), actor);
}

/** An appointment as the actor's role may see it, with the instant it was booked (ISO 8601, UTC). */
export type AppointmentRecord = AppointmentView & { created: string };

const record = (row: CalendarRow, actor: Actor): AppointmentRecord => ({
  ...present(row, actor),
  created: row.createdAt.toISOString(),
});

/** As getAppointment, with when the appointment was booked: what another system's copy of it carries. */
export async function getAppointmentRecord(actor: Actor, id: string): Promise<AppointmentRecord> {
  return record(await readAppointment(actor, id), actor);
}

/** What a search of the appointments by their start asks; every field narrows it. */
export type AppointmentStartSearch = {
  patientId?: string;
  /** The staff member who is its clinician or its anaesthetist. */
  practitionerId?: string;
  /** The stored status and, when given, the attendance (null: none marked yet). */
  state?: { status: AppointmentStatus; attendance?: Attendance | null };
  /**
   * The starts wanted, `[from, to)` (an absent end is open), given the site's IANA time zone,
   * which says when a calendar day begins there.
   */
  startsWithin?: (timeZone: string) => { from: Date | null; to: Date | null };
};

/**
 * The appointments matching `search` (at the actor's site when it names neither a patient nor a
 * practitioner; calendar days are the actor's site's), in (start, id) order, `limit` a page:
 * `nextCursor` resumes after the page's last one (null on the last page); a cursor this search
 * did not return is `invalid` VALIDATION at path `cursor`. Audits the page as one list read.
 */
export async function searchAppointmentsByStart(
  actor: Actor,
  search: AppointmentStartSearch,
  page: { limit: number; cursor?: string },
) {
  const after = page.cursor ? decodeCursor(page.cursor, appointmentCursor) : null;
  const { site } = await db().staff.findUniqueOrThrow({
    where: { id: actor.id },
    select: { site: { select: { id: true, timeZone: true } } },
  });
  const starts = search.startsWithin?.(site.timeZone) ?? { from: null, to: null };
  const { state } = search;
  const conditions = [
    // A patient's or a practitioner's appointments wherever they are, as /api/v1 lists them;
    // without either, the actor's own site's (its index keeps the search from reading every site).
    ...(search.patientId || search.practitionerId ? [] : [Prisma.sql`a.site_id = ${site.id}::uuid`]),
    ...(search.patientId ? [Prisma.sql`a.patient_id = ${search.patientId}::uuid`] : []),
    ...(starts.from ? [Prisma.sql`a.starts_at >= ${starts.from}`] : []),
    ...(starts.to ? [Prisma.sql`a.starts_at < ${starts.to}`] : []),
    ...(state ? [Prisma.sql`a.status = ${state.status}::"AppointmentStatus"`] : []),
    ...(state?.attendance === null ? [Prisma.sql`a.attendance IS NULL`] : []),
    ...(state?.attendance ? [Prisma.sql`a.attendance = ${state.attendance}::"Attendance"`] : []),
    ...(after ? [Prisma.sql`(a.starts_at, a.id) > (${new Date(after.startsAt)}, ${after.id}::uuid)`] : []),
  ];
  // Each branch walks one (…, starts_at) index in order and stops after a page: a practitioner's
  // appointments are those they are the clinician of and those they are the anaesthetist of.
  const leads = search.practitionerId
    ? [
        Prisma.sql`a.clinician_id = ${search.practitionerId}::uuid`,
        Prisma.sql`a.anaesthetist_id = ${search.practitionerId}::uuid`,
      ]
    : [Prisma.sql`TRUE`];
  const branches = leads.map(
    (lead) => Prisma.sql`(SELECT a.id FROM appointment a WHERE ${Prisma.join([lead, ...conditions], " AND ")}
                           ORDER BY a.starts_at, a.id LIMIT ${page.limit + 1})`,
  );
  const rows = await calendarRows(db(), Prisma.sql`a.id IN (${Prisma.join(branches, " UNION ALL ")})`, page.limit + 1);
  const shown = rows.slice(0, page.limit);
  await recordListRead(db(), actor, {
    action: "appointment.read",
    entity: "appointment",
    itemPatientIds: shown.map((r) => r.patientId),
  });
  const last = shown.at(-1);
  return {
    items: shown.map((row) => record(row, actor)),
    nextCursor:
      rows.length > page.limit && last ? encodeCursor({ startsAt: last.startsAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * The case's appointments as an iCalendar file (RFC 5545) for the patient's own calendar
 * (patientCalendarFile: one UID per appointment, SEQUENCE, cancelled ones as STATUS:CANCELLED),
 * DTSTAMP `now`, the moment the file is made. Throws NOT_FOUND for an unknown case.
 */
export async function caseCalendarFile(actor: Actor, caseId: string, now = new Date()): Promise<string> {
  return db().$transaction(async (tx) => {
    const kase = await tx.clinicalCase.findUnique({
      where: { id: caseId },
      include: {
        site: true,
        appointments: {
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          include: { room: true, events: { select: { action: true, at: true }, orderBy: { id: "asc" } } },
        },
      },
    });
    if (!kase) throw notFound("The case");
    await recordAudit(tx, actor, [
      { action: "appointment.export_ics", entity: "clinical_case", entityId: caseId, patientId: kase.patientId },
    ]);
    return patientCalendarFile(
      `${kase.site.name}: your appointments`,
      kase.appointments.map((a) => ({ ...a, siteName: kase.site.name })),
      now,
    );
  });
}
