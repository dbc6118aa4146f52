import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
// Reading the calendar: appointments in a period for a clinician, room, patient or case (the
// cancelled ones too, marked), and free slots for a case's next appointment.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { policiesOf } from "@/lib/domain/policies";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { addDays, dayOf } from "@/lib/domain/time";
import { notFound } from "@/lib/domain/errors";
import type { AppointmentQuery, AppointmentView } from "@/lib/schemas/appointment";
import { z } from "zod";
import type { slotQuery } from "@/lib/schemas/appointment";
import { instant, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { findSlots } from "./slots";

const include = {
  patient: true,
  clinician: { select: { id: true, name: true } },
  anaesthetist: { select: { id: true, name: true } },
  room: { select: { id: true, name: true } },
  dressingVisit: { select: { dueOn: true } },
  physioSession: { select: { number: true } },
  dressingRecord: { select: { id: true } },
  physioRecord: { select: { id: true } },
  events: { orderBy: { id: "asc" }, include: { by: { select: { name: true } } } },
} as const satisfies Prisma.AppointmentInclude;

type Row = Prisma.AppointmentGetPayload<{ include: typeof include }>;

/** The appointment as the actor's role may see it: the reasons of its history only with "appointment.readReasons". */
function present(row: Row, actor: Actor): AppointmentView {
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
    dressingDueOn: row.dressingVisit ? dayOfColumn(row.dressingVisit.dueOn) : null,
    physioSession: row.physioSession?.number ?? null,
    recorded: Boolean(row.dressingRecord ?? row.physioRecord),
    history: row.events.map((e) => ({
      action: e.action,
      at: e.at.toISOString(),
      by: e.by.name,
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
  const where: Prisma.AppointmentWhereInput = {
    clinicianId: query.clinicianId,
    roomId: query.roomId,
    patientId: query.patientId,
    caseId: query.caseId,
    kind: query.kind,
    // Bounded on both sides so the (resource, starts_at) indexes serve the query.
    startsAt: {
      gte: query.from ? new Date(new Date(query.from).getTime() - 24 * 3_600_000) : undefined,
      lt: query.to ? new Date(query.to) : undefined,
    },
    endsAt: query.from ? { gt: new Date(query.from) } : undefined,
  };
  if (query.clinicianId) {
    // The anaesthetist of an arthroscopy is in it too.
    delete where.clinicianId;
    where.OR = [{ clinicianId: query.clinicianId }, { anaesthetistId: query.clinicianId }];
  }
  const paged: Prisma.AppointmentWhereInput = after
    ? {
        AND: [
          where,
          {
            OR: [
              { startsAt: { gt: new Date(after.startsAt) } },
              { startsAt: new Date(after.startsAt), id: { gt: after.id } },
            ],
          },
        ],
      }
    : where;
  const rows = await db().appointment.findMany({
    where: paged,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include,
  });
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
  return present(await tx.appointment.findUniqueOrThrow({ where: { id }, include }), actor);
}

export async function getAppointment(actor: Actor, id: string) {
  return db().$transaction(async (tx) => {
    const row = await tx.appointment.findUnique({ where: { id }, include });
    if (!row) throw notFound("The appointment");
    await recordAudit(tx, actor, [
      { action: "appointment.read", entity: "appointment", entityId: row.id, patientId: row.patientId },
    ]);
    return present(row, actor);
  });
}

const slotCursor = z.strictObject({ after: instant });

/**
 * Free slots for the case's next appointment of a kind, one per start time in time order,
 * `limit` a page; `nextCursor` resumes after the page's last start (null on the last page).
 */
export async function searchSlots(actor: Actor, query: z.infer<typeof slotQuery>, now = new Date()) {
  const after = query.cursor ? new Date(decodeCursor(query.cursor, slotCursor).after) : null;
  // The next page starts a millisecond after the last slot shown, and never before now.
  const notBefore = after && after.getTime() + 1 > now.getTime() ? new Date(after.getTime() + 1) : now;
  return db().$transaction(async (tx) => {
    const kase = await tx.clinicalCase.findUnique({ where: { id: query.caseId }, include: { site: true } });
    if (!kase) throw notFound("The case");
    const today = dayOf(now, kase.site.timeZone);
    const from = query.from < today ? today : query.from;
    const slots = await findSlots(tx, {
      siteId: kase.siteId,
      timeZone: kase.site.timeZone,
      kind: query.kind,
      minutes: policiesOf(kase.site.policies).durations[query.kind],
      from,
      to: addDays(from, query.days - 1),
      patientId: kase.patientId,
      notBefore,
      clinicianId: query.clinicianId,
      roomId: query.homeVisit === "true" ? null : query.roomId,
      limit: query.limit + 1,
    });
    const more = slots.length > query.limit;
    slots.splice(query.limit);
    const ids = [
      ...new Set(slots.flatMap((s) => [s.clinicianId, s.anaesthetistId]).filter((x): x is string => Boolean(x))),
    ];
    const staff = new Map(
      (await tx.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, s]),
    );
    const roomIds = [...new Set(slots.map((s) => s.roomId).filter((x): x is string => Boolean(x)))];
    const rooms = new Map(
      (await tx.room.findMany({ where: { id: { in: roomIds } }, select: { id: true, name: true } })).map((r) => [
        r.id,
        r,
      ]),
    );
    await recordAudit(tx, actor, [
      { action: "appointment.slots", entity: "clinical_case", entityId: kase.id, patientId: kase.patientId },
    ]);
    return {
      items: slots.map((s) => ({
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        clinician: s.clinicianId ? (staff.get(s.clinicianId) ?? null) : null,
        anaesthetist: s.anaesthetistId ? (staff.get(s.anaesthetistId) ?? null) : null,
        room: s.roomId ? (rooms.get(s.roomId) ?? null) : null,
      })),
      nextCursor: more ? encodeCursor({ after: slots.at(-1)!.start.toISOString() }) : null,
    };
  });
}

const eventTitle: Record<AppointmentKind, string> = {
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
