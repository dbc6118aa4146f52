// One appointment under a command: locked through its case's row (as every command on a case
// is, so commands on one case run one after another), and cancelled (SC-4) by the receptionist
// or, for the rest of a healed wound's dressing series, by the nurse's record.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AppointmentKind } from "@/lib/domain/scheduling";
import { notFound } from "@/lib/domain/errors";
import { lockCase } from "./case-record";
import { noticeCancelled } from "./messages/appointment-notices";

/**
 * Locks the case of appointment `id` for the transaction, then loads the appointment with
 * `include`. Throws NOT_FOUND naming `what` ("The appointment" unless given) when there is no
 * such appointment, or when `kind` is given and the appointment is of another kind.
 */
export async function lockAppointment<I extends Prisma.AppointmentInclude>(
  tx: Tx,
  id: string,
  include: I,
  expected: { kind?: AppointmentKind; what?: string } = {},
): Promise<Prisma.AppointmentGetPayload<{ include: I }>> {
  const found = await tx.appointment.findUnique({ where: { id }, select: { caseId: true, kind: true } });
  if (!found || (expected.kind && found.kind !== expected.kind)) throw notFound(expected.what ?? "The appointment");
  await lockCase(tx, found.caseId);
  return tx.appointment.findUniqueOrThrow({ where: { id }, include });
}

/**
 * SC-4: cancels the appointment, never deletes it: its clinician, anaesthetist, room and patient
 * are free again at its time, and its history records who cancelled it and why (`reason`, as
 * given). Its waiting reminders are cancelled and the patient's cancellation notice queued at
 * `now`; a request of the patient's to move it is closed as declined. The caller has locked its case.
 */
export async function writeCancellation(
  tx: Tx,
  actor: Actor,
  appointment: { id: string; startsAt: Date; endsAt: Date },
  reason: string,
  now: Date,
): Promise<void> {
  const { id, startsAt, endsAt } = appointment;
  await tx.appointment.update({ where: { id }, data: { status: "cancelled" } });
  await tx.appointmentResource.updateMany({ where: { appointmentId: id }, data: { active: false } });
  await tx.appointmentEvent.create({
    data: { appointmentId: id, action: "cancelled", byId: actor.id, reason, startsAt, endsAt },
  });
  await noticeCancelled(tx, id, now);
  // The patient's request to move it has nothing left to move: closed, saying why.
  await tx.appointmentMoveRequest.updateMany({
    where: { appointmentId: id, status: "open" },
    data: { status: "declined", handledAt: now, handledById: actor.id, response: "The appointment was cancelled." },
  });
}

/**
 * An appointment that holds its dressing visit or physiotherapy session: booked, and not one the
 * patient did not attend (that visit or session is booked again; the database's partial unique
 * indexes allow one such appointment per visit and per session).
 */
export const holdsPlanItem = {
  status: "booked",
  OR: [{ attendance: null }, { attendance: { in: ["arrived", "attended"] } }],
} satisfies Prisma.AppointmentWhereInput;

/**
 * Marks the appointment attended as its record says (the visit, the session or the operation):
 * `at` when it took place or was recorded, `by` who saw the patient. The caller has locked its case.
 */
export async function writeAttended(tx: Tx, appointmentId: string, at: Date, byId: string): Promise<void> {
  await tx.appointment.update({
    where: { id: appointmentId },
    data: { attendance: "attended", attendanceAt: at, attendanceById: byId },
  });
}

/** Whether another appointment now holds the dressing visit or physiotherapy session `appointment` held. */
export async function bookedAgain(
  tx: Tx,
  appointment: { id: string; dressingVisitId: string | null; physioSessionId: string | null },
): Promise<boolean> {
  const { dressingVisitId, physioSessionId } = appointment;
  if (!dressingVisitId && !physioSessionId) return false;
  const other = await tx.appointment.findFirst({
    where: {
      ...holdsPlanItem,
      id: { not: appointment.id },
      ...(dressingVisitId ? { dressingVisitId } : { physioSessionId }),
    },
    select: { id: true },
  });
  return other !== null;
}
