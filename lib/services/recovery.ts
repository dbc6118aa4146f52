// The post-operative follow-up: recording dressings and physiotherapy sessions and replacing
// missed dressings (the alerts they raise are in recovery-alerts.ts, the round in dressing-round.ts).
import { formatDay } from "@/lib/domain/date-format";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import type { CaseStatus } from "@/lib/domain/case-status";
import { decidePostOperativeRecord } from "@/lib/domain/pathway";
import type { SeriesKind, WoundState } from "@/lib/domain/vocabulary";
import { afterDressing, checkDressingRecord, missedVisits, replacementDay } from "@/lib/domain/recovery";
import { violation } from "@/lib/domain/rules";
import { dayOf } from "@/lib/domain/time";
import { notFound } from "@/lib/domain/errors";
import { bookedAgain, lockAppointment, writeAttended, writeCancellation } from "./appointment-record";
import { recordAudit } from "./audit";
import { lockCase, moveCase, refusal } from "./case-record";

const toRecord = {
  case: { include: { site: true } },
  dressingVisit: true,
  physioSession: true,
  dressingRecord: true,
  physioRecord: true,
} as const;

/**
 * The booked appointment of `kind` whose record is written, its case locked: 404, or 422 (PW-3)
 * when cancelled, or when the patient did not attend it and the visit has been booked again
 * (it is recorded at the new appointment). A patient marked absent who came after all is recorded here.
 */
async function bookedAppointment(tx: Tx, id: string, kind: SeriesKind) {
  const what = `The ${kind === "dressing" ? "dressing" : "physiotherapy"} appointment`;
  const appointment = await lockAppointment(tx, id, toRecord, { kind, what });
  if (appointment.status !== "booked") throw refusal(violation("PW-3", "This appointment was cancelled."));
  if (appointment.attendance === "did_not_attend" && (await bookedAgain(tx, appointment)))
    throw refusal(violation("PW-3", "This visit has been booked again: record it at the new appointment."));
  return appointment;
}

/** The first post-operative record starts the recovery, as the pathway decides. */
async function startRecovery(tx: Tx, actor: Actor, kase: { id: string; status: CaseStatus }) {
  const decision = decidePostOperativeRecord(kase);
  if (decision.to) await moveCase(tx, actor, kase.id, decision);
}

type RecordInput = { woundState: WoundState; notes?: string | null };
type VisitToRecord = { id: string; dueOn: Date; case: { id: string; status: CaseStatus; patientId: string } };

/**
 * PO-3: writes the nurse's record of a visit (with the appointment it was booked as, or none)
 * and closes the visit; "healed" ends the series and cancels what is left of it, otherwise
 * the series goes on past its planned end.
 */
async function writeDressingRecord(
  tx: Tx,
  actor: Actor,
  visit: VisitToRecord,
  appointmentId: string | null,
  input: RecordInput,
  now: Date,
) {
  const caseId = visit.case.id;
  const record = await tx.dressingRecord.create({
    data: {
      appointmentId,
      dressingVisitId: visit.id,
      caseId,
      woundState: input.woundState,
      notes: input.notes ?? null,
      nurseId: actor.id,
      recordedAt: now,
    },
  });
  await tx.dressingVisit.update({ where: { id: visit.id }, data: { status: "done" } });
  if (appointmentId) await writeAttended(tx, appointmentId, now, actor.id);
  const dueOn = dayOfColumn(visit.dueOn);
  const later = await tx.dressingVisit.findFirst({ where: { caseId, status: "planned", dueOn: { gt: visit.dueOn } } });
  const next = afterDressing(input.woundState, dueOn, later !== null);
  if (next.endSeries) {
    const rest = await tx.appointment.findMany({
      // Appointments whose attendance is marked stay as they were.
      where: {
        caseId,
        kind: "dressing",
        status: "booked",
        attendance: null,
        ...(appointmentId ? { id: { not: appointmentId } } : {}),
      },
    });
    for (const other of rest) await writeCancellation(tx, actor, other, "Wound healed", now);
    await tx.dressingVisit.updateMany({ where: { caseId, status: "planned" }, data: { status: "cancelled" } });
  } else if (next.nextDueOn) {
    await tx.dressingVisit.create({ data: { caseId, dueOn: dateColumn(next.nextDueOn) } });
  }
  await startRecovery(tx, actor, visit.case);
  await recordAudit(tx, actor, [
    { action: "dressing.record", entity: "dressing_record", entityId: record.id, patientId: visit.case.patientId },
  ]);
  return { id: record.id, woundState: record.woundState, seriesEnded: next.endSeries, nextDueOn: next.nextDueOn };
}

/** PO-3: a nurse records the wound at a booked dressing appointment, on or after its day. */
export async function recordDressing(actor: Actor, appointmentId: string, input: RecordInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const appointment = await bookedAppointment(tx, appointmentId, "dressing");
    const visit = appointment.dressingVisit!;
    const { timeZone } = appointment.case.site;
    const refused = checkDressingRecord(
      {
        appointmentDay: dayOf(appointment.startsAt, timeZone),
        recorded: appointment.dressingRecord !== null,
        visitOpen: visit.status === "planned",
      },
      dayOf(now, timeZone),
    );
    if (refused) throw refusal(refused);
    return writeDressingRecord(tx, actor, { ...visit, case: appointment.case }, appointmentId, input, now);
  });
}

/**
 * PO-3: a nurse records a dressing that was due but never booked, straight from the round, on
 * or after its due day (PW-1). Refused (PW-3) when the visit is booked (it is recorded on its
 * appointment), already recorded or no longer planned, or the case is not in recovery.
 * Throws NOT_FOUND for an unknown visit.
 */
export async function recordDressingVisit(actor: Actor, visitId: string, input: RecordInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const found = await tx.dressingVisit.findUnique({ where: { id: visitId }, select: { caseId: true } });
    if (!found) throw notFound("The dressing visit");
    await lockCase(tx, found.caseId);
    const visit = await tx.dressingVisit.findUniqueOrThrow({
      where: { id: visitId },
      include: {
        case: { include: { site: true } },
        records: { select: { id: true } },
        appointments: { where: { status: "booked" }, select: { id: true } },
      },
    });
    if (!["operated", "recovery"].includes(visit.case.status))
      throw refusal(violation("PW-3", "The case is not in recovery."));
    if (visit.appointments.length > 0)
      throw refusal(violation("PW-3", "This dressing is booked: it is recorded at its appointment."));
    const refused = checkDressingRecord(
      {
        appointmentDay: dayOfColumn(visit.dueOn),
        recorded: visit.records.length > 0,
        visitOpen: visit.status === "planned",
      },
      dayOf(now, visit.case.site.timeZone),
    );
    if (refused) throw refusal(refused);
    return writeDressingRecord(tx, actor, visit, null, input, now);
  });
}

export async function recordPhysioSession(
  actor: Actor,
  appointmentId: string,
  input: { notes: string; exercises?: string | null; progress?: string | null },
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const appointment = await bookedAppointment(tx, appointmentId, "physio");
    const today = dayOf(now, appointment.case.site.timeZone);
    const day = dayOf(appointment.startsAt, appointment.case.site.timeZone);
    if (appointment.physioRecord) throw refusal(violation("PW-3", "This session is already recorded."));
    if (day > today)
      throw refusal(violation("PW-1", `This session is on ${formatDay(day)}: it is recorded on the day.`));
    const record = await tx.physioRecord.create({
      data: {
        appointmentId,
        caseId: appointment.caseId,
        notes: input.notes,
        exercises: input.exercises ?? null,
        progress: input.progress ?? null,
        physioId: actor.id,
        recordedAt: now,
      },
    });
    await writeAttended(tx, appointmentId, now, actor.id);
    if (appointment.physioSessionId)
      await tx.physioSession.update({ where: { id: appointment.physioSessionId }, data: { status: "done" } });
    await startRecovery(tx, actor, appointment.case);
    await recordAudit(tx, actor, [
      { action: "physio.record", entity: "physio_record", entityId: record.id, patientId: appointment.patientId },
    ]);
    return { id: record.id };
  });
}

/** PO-3: a missed dressing is marked missed and replaced by a visit the next day. */
export async function replaceMissedDressing(actor: Actor, caseId: string, visitId: string, now = new Date()) {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const visit = await tx.dressingVisit.findFirst({
      where: { id: visitId, caseId },
      include: {
        records: true,
        case: { include: { site: true } },
        appointments: { where: { attendance: "did_not_attend" }, select: { id: true } },
      },
    });
    if (!visit) throw notFound("The dressing visit");
    const today = dayOf(now, visit.case.site.timeZone);
    const missed = missedVisits(
      [
        {
          id: visit.id,
          dueOn: dayOfColumn(visit.dueOn),
          status: visit.status,
          recorded: visit.records.length > 0,
          notAttended: visit.appointments.length > 0,
        },
      ],
      today,
    );
    if (missed.length === 0) throw refusal(violation("PW-3", "Only a missed dressing is replaced."));
    const dueOn = replacementDay(dayOfColumn(visit.dueOn), today);
    await tx.dressingVisit.update({ where: { id: visitId }, data: { status: "missed" } });
    const replacement = await tx.dressingVisit.upsert({
      where: { caseId_dueOn: { caseId, dueOn: dateColumn(dueOn) } },
      create: { caseId, dueOn: dateColumn(dueOn), replacesId: visitId },
      update: { status: "planned", replacesId: visitId },
    });
    await recordAudit(tx, actor, [
      {
        action: "dressing.replace",
        entity: "dressing_visit",
        entityId: replacement.id,
        patientId: visit.case.patientId,
      },
    ]);
    return { id: replacement.id, dueOn };
  });
}
