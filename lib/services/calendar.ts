import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
// Reading the calendar: appointments in a period for a clinician, room, patient or case (the
// cancelled ones too, marked). The free slots are in slot-search.ts.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { notFound } from "@/lib/domain/errors";
import type { AppointmentQuery, AppointmentView } from "@/lib/schemas/appointment";
import { z } from "zod";
import { instant, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { calendarRows, type CalendarRow } from "./calendar-rows";
import { decodeCursor, encodeCursor } from "./cursor";

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

export async function getAppointment(actor: Actor, id: string) {
  return db().$transaction(async (tx) => {
    const [row] = await calendarRows(tx, Prisma.sql`a.id = ${id}::uuid`, 1);
    if (!row) throw notFound("The appointment");
    await recordAudit(tx, actor, [
      { action: "appointment.read", entity: "appointment", entityId: row.id, patientId: row.patientId },
    ]);
    return present(row, actor);
  });
}

/** An appointment of each kind as the patient's calendar names it. */
export const eventTitle: Record<AppointmentKind, string> = {
  consultation: "Consultation with your surgeon",
  follow_up: "Follow-up with your surgeon",
  imaging: "Imaging of your ankle",
  injection: "Guided injection",
  anaesthesia_assessment: "Pre-operative anaesthesia assessment",
  arthroscopy: "Posterior ankle arthroscopy",
  dressing: "Wound dressing by a nurse",
  physio: "Physiotherapy",
};

/**
 * The case's appointments as an iCalendar file (RFC 5545) for the patient's own calendar,
 * published (RFC 5546 METHOD:PUBLISH) so that importing a newer file updates the older copy:
 * each appointment keeps one UID, its SEQUENCE counts the moves and the cancellation since
 * it was booked, and a cancelled one stays in the file as STATUS:CANCELLED so the calendar
 * program removes it. DTSTAMP is `now`, the moment the file is made. Every line, the last too,
 * ends with CRLF. Throws NOT_FOUND for an unknown case.
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
    const calendar = ical({
      name: `${kase.site.name}: your appointments`,
      prodId: { company: "Ankle pathway", product: "appointments" },
      method: ICalCalendarMethod.PUBLISH,
    });
    for (const a of kase.appointments) {
      const changes = a.events.filter((e) => e.action !== "booked");
      calendar.createEvent({
        id: `${a.id}@ankle-pathway`,
        sequence: changes.length,
        stamp: now,
        lastModified: a.events.at(-1)?.at ?? a.createdAt,
        status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        start: a.startsAt,
        end: a.endsAt,
        summary: eventTitle[a.kind] ?? a.kind,
        location: a.room ? `${a.room.name}, ${kase.site.name}` : a.kind === "dressing" ? "At home" : kase.site.name,
        description:
          a.kind === "arthroscopy" ? "Follow the instructions you were given before the operation." : undefined,
      });
    }
    // ical-generator ends the last line without its CRLF; RFC 5545 (3.1) requires it.
    const text = calendar.toString();
    return text.endsWith("\r\n") ? text : `${text}\r\n`;
  });
}
