// Whether the patient came to an appointment. Reception marks "arrived" or "did_not_attend"; the
// visit's own record (dressing, physiotherapy session, operation) marks it "attended". Pure.
import { formatDay } from "./date-format";
import { violation, type Violation } from "./rules";
import type { Day } from "./time";
import type { AppointmentStatus, Attendance } from "./vocabulary";

/** What reception marks. */
export const attendanceOutcomes = ["arrived", "did_not_attend"] as const;
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

/**
 * Whether `outcome` may be marked on the appointment today (`today` and `day`, the appointment's
 * start, both calendar days at the site): from the appointment's own day on (PW-1: nothing is
 * recorded of a day to come), on a live appointment only, never over the visit's own record,
 * and not as an arrival once the visit not attended has been booked again (PW-3). Marking the
 * outcome it already has, or changing one outcome for the other, is allowed (a correction).
 */
export function checkAttendance(
  appointment: { status: AppointmentStatus; attendance: Attendance | null; day: Day; bookedAgain: boolean },
  outcome: AttendanceOutcome,
  today: Day,
): Violation | null {
  if (appointment.status === "cancelled")
    return violation("PW-3", "This appointment is cancelled: attendance is not recorded on it.");
  if (appointment.day > today)
    return violation(
      "PW-1",
      `This appointment is on ${formatDay(appointment.day)}: attendance is marked from that day on.`,
    );
  if (appointment.attendance === "attended") return violation("PW-3", "This visit is recorded: the patient attended.");
  if (outcome === "arrived" && appointment.attendance === "did_not_attend" && appointment.bookedAgain)
    return violation("PW-3", "This visit has been booked again: mark the new appointment instead.");
  return null;
}

/**
 * What may still be done to an appointment once attendance is marked (PW-3): it is never moved
 * (a visit not attended is booked again instead); it is cancelled only when the patient did not
 * come (an arrival or a recorded visit stays on the calendar).
 */
export function checkChangeAfterAttendance(attendance: Attendance | null, change: "move" | "cancel"): Violation | null {
  if (attendance === null) return null;
  if (change === "move")
    return violation(
      "PW-3",
      attendance === "did_not_attend"
        ? "The patient did not attend this appointment: book the visit again instead of moving it."
        : "The patient has come to this appointment: it is not moved.",
    );
  return attendance === "did_not_attend"
    ? null
    : violation("PW-3", "The patient has come to this appointment: it is not cancelled.");
}
