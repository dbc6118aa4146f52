// The patient's appointments as an iCalendar file (RFC 5545), for the patient's own calendar:
// the staff's download of a case's calendar and the recovery plan's attachment both use it, so
// an appointment has one UID whichever file brought it, and a newer file updates the older copy.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { patientAppointmentTitle } from "@/lib/domain/plan-message";
import type { AppointmentKind } from "@/lib/domain/vocabulary";

/** An appointment as the file shows it. No clinician is named: the file is the patient's. */
export type CalendarAppointment = {
  id: string;
  kind: AppointmentKind;
  status: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  room: { name: string } | null;
  /** The clinic (site) name. */
  siteName: string;
  /** Its history, oldest first: each move or cancellation after the booking raises SEQUENCE. */
  events: { action: string; at: Date }[];
};

/** The appointment's UID: stable for its life, so a calendar program updates rather than duplicates. */
export const calendarUid = (appointmentId: string) => `${appointmentId}@ankle-pathway`;

/**
 * The calendar file named `name` holding `appointments`, published (RFC 5546 METHOD:PUBLISH):
 * each appointment keeps one UID, its SEQUENCE counts the moves and the cancellation since it
 * was booked, and a cancelled one is STATUS:CANCELLED so the calendar program removes it.
 * Times are UTC instants; DTSTAMP is `now`. Every line, the last too, ends with CRLF.
 */
export function patientCalendarFile(name: string, appointments: CalendarAppointment[], now: Date): string {
  const calendar = ical({
    name,
    prodId: { company: "Ankle pathway", product: "appointments" },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const a of appointments) {
    const changes = a.events.filter((e) => e.action !== "booked");
    calendar.createEvent({
      id: calendarUid(a.id),
      sequence: changes.length,
      stamp: now,
      lastModified: a.events.at(-1)?.at ?? a.createdAt,
      status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: a.startsAt,
      end: a.endsAt,
      summary: patientAppointmentTitle[a.kind] ?? a.kind,
      location: a.room ? `${a.room.name}, ${a.siteName}` : a.kind === "dressing" ? "At home" : a.siteName,
      description:
        a.kind === "arthroscopy" ? "Follow the instructions you were given before the operation." : undefined,
    });
  }
  // ical-generator ends the last line without its CRLF; RFC 5545 (3.1) requires it.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
