// When an appointment's reminders go: the site's policy names wall-clock times on calendar days
// before the appointment's day ("18:00 two days before", "07:00 on the day"), read on the site's
// clock, so a reminder on a clock-change day still goes at its local time.
import type { Reminder } from "./policies";
import { addDays, dayOf, instantAt } from "./time";

/** One reminder to send: the policy's entry it comes from and the instant it goes. */
export type ReminderSend = Reminder & { sendAt: Date };

/**
 * The instants of an appointment's reminders, earliest first: for each of the site's `reminders`
 * ({daysBefore, at: "HH:MM"}), the wall-clock time `at` in `timeZone` (an IANA zone) on the
 * calendar day `daysBefore` days before the day `start` falls on at the site. A reminder whose
 * instant is before `now` (already past when the appointment is booked or moved) or not before
 * `start` (07:00 on the day of a 07:00 appointment) is left out.
 *
 * Clock changes: the day is a calendar day, so "two days before" is two dates earlier whatever
 * the clocks do, and the time is read on the site's clock of that day (18:00 on the day British
 * Summer Time starts is 17:00 UTC). A wall time the clock skips (01:30 on the night the clocks go
 * forward in London) goes when a clock that had not jumped would show it: the skipped length
 * later on the new clock (01:30 becomes 02:30 local). A wall time the clock shows twice (01:30 on
 * the night the clocks go back) goes at the second showing, after the clocks went back. Both
 * follow `instantAt`, the one conversion the product uses for site times. Throws nothing: `at`
 * is a sound "HH:MM" (policiesOf checks it).
 */
export function reminderInstants(
  reminders: readonly Reminder[],
  start: Date,
  timeZone: string,
  now: Date,
): ReminderSend[] {
  const appointmentDay = dayOf(start, timeZone);
  return reminders
    .map((reminder) => {
      const [hours, minutes] = reminder.at.split(":").map(Number);
      const sendAt = instantAt(addDays(appointmentDay, -reminder.daysBefore), hours!, minutes!, timeZone);
      return { daysBefore: reminder.daysBefore, at: reminder.at, sendAt };
    })
    .filter(({ sendAt }) => sendAt >= now && sendAt < start)
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}
