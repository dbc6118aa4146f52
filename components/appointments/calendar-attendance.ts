import type { AppointmentView } from "@/lib/schemas/appointment";

// Attendance is being added to the appointment views (`attendance: null | "arrived" | "attended" |
// "did_not_attend"`); the calendar shows it as soon as the API sends it, and nothing before.
type Attendance = "arrived" | "attended" | "did_not_attend";

export const attendanceLabel: Record<Attendance, string> = {
  arrived: "arrived",
  attended: "attended",
  did_not_attend: "did not attend",
};

/** The appointment's attendance mark, or null when none is recorded (or the API does not send one). */
export function attendanceOf(a: AppointmentView): Attendance | null {
  const mark = (a as AppointmentView & { attendance?: string | null }).attendance;
  return mark && mark in attendanceLabel ? (mark as Attendance) : null;
}
