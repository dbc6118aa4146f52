// The last step of a booking, once resolved and checked: the appointment, what it holds for its
// time, the case's move when the pathway decided one, and the audit row, in the booking's
// transaction, answered with the appointment as the actor may see it.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { CaseMove } from "@/lib/domain/case-decision";
import type { AppointmentKind } from "@/lib/domain/scheduling";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { recordAudit } from "../audit";
import { noticeBooked } from "../messages/appointment-notices";
import { appointmentViewIn } from "../calendar";
import { moveCase, type CaseRow } from "../case-record";
import type { ResolvedBooking, Staffing } from "./resolve";
import { holdResources } from "./resources";

/**
 * Writes the booking of `kind` for the case `row`: the appointment with its "booked" event, the
 * resources it holds (SlotTaken when the exclusion constraint finds one taken, SC-1), the case
 * moved by `caseMove` (an arthroscopy schedules the case), one `appointment.book` audit row, and
 * the patient's confirmation (unless `notices.confirmation` is false) and reminders, queued at
 * `notices.now`. Returns the new appointment's view, read in the same transaction.
 */
export async function writeBooking(
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  kind: AppointmentKind,
  booking: ResolvedBooking,
  staffing: Staffing,
  caseMove: CaseMove | null,
  notices: { now: Date; confirmation: boolean },
): Promise<AppointmentView> {
  const { slot, admission, planItem } = booking;
  const { resources } = staffing;
  const appointment = await tx.appointment.create({
    data: {
      siteId: row.siteId,
      caseId: row.id,
      patientId: row.patientId,
      kind,
      startsAt: slot.start,
      endsAt: slot.end,
      clinicianId: resources.clinicianId,
      anaesthetistId: resources.anaesthetistId,
      roomId: resources.roomId,
      admission,
      dressingVisitId: planItem.dressingVisitId,
      physioSessionId: planItem.physioSessionId,
      createdById: actor.id,
      events: { create: { action: "booked", byId: actor.id, startsAt: slot.start, endsAt: slot.end } },
    },
  });
  await holdResources(tx, appointment.id, resources, slot, staffing.chosen);
  if (caseMove) await moveCase(tx, actor, row.id, caseMove);
  await recordAudit(tx, actor, [
    { action: "appointment.book", entity: "appointment", entityId: appointment.id, patientId: row.patientId },
  ]);
  await noticeBooked(tx, appointment.id, notices.now, { confirmation: notices.confirmation });
  return appointmentViewIn(tx, actor, appointment.id);
}
