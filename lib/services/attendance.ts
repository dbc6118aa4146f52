// Attendance marked by reception (or any role for the kinds it books): arrived, or did not
// attend, from the appointment's own day on at the site, corrections allowed and each audited
// with what it was and what it became.
import type { Actor } from "@/lib/auth/actor";
import { mayMarkAttendance } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { checkAttendance, type AttendanceOutcome } from "@/lib/domain/attendance";
import { forbidden } from "@/lib/domain/errors";
import { dayOf } from "@/lib/domain/time";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { bookedAgain, lockAppointment } from "./appointment-record";
import { recordAudit } from "./audit";
import { appointmentViewIn } from "./calendar";
import { refusal } from "./case-record";

/**
 * Marks appointment `id` arrived or did not attend (`input.outcome`) at `now`, and answers the
 * appointment as `actor` may see it. Throws a DomainError: `not_found`; `forbidden` for a kind
 * the actor's role does not book; `rule` PW-1 before the appointment's day (site zone), PW-3 on
 * a cancelled appointment, over a recorded visit, or for an arrival at a visit booked again.
 * Marking the outcome it already has changes nothing; each accepted mark is one audit row
 * (`appointment.attendance`, detail `{from, to}`).
 */
export async function markAttendance(
  actor: Actor,
  id: string,
  input: { outcome: AttendanceOutcome },
  now = new Date(),
): Promise<AppointmentView> {
  return db().$transaction(async (tx) => {
    const appointment = await lockAppointment(tx, id, { site: { select: { timeZone: true } } });
    if (!mayMarkAttendance(actor.role, appointment.kind)) throw forbidden();
    const { timeZone } = appointment.site;
    const refused = checkAttendance(
      {
        status: appointment.status,
        attendance: appointment.attendance,
        day: dayOf(appointment.startsAt, timeZone),
        bookedAgain: appointment.attendance === "did_not_attend" && (await bookedAgain(tx, appointment)),
      },
      input.outcome,
      dayOf(now, timeZone),
    );
    if (refused) throw refusal(refused);
    if (appointment.attendance !== input.outcome) {
      await tx.appointment.update({
        where: { id },
        data: { attendance: input.outcome, attendanceAt: now, attendanceById: actor.id },
      });
    }
    await recordAudit(tx, actor, [
      {
        action: "appointment.attendance",
        entity: "appointment",
        entityId: id,
        patientId: appointment.patientId,
        detail: { from: appointment.attendance, to: input.outcome },
      },
    ]);
    return appointmentViewIn(tx, actor, id);
  });
}
