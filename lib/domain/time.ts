// Calendar days in a site's time zone. A Day is a calendar date, "YYYY-MM-DD": arithmetic on
// days is calendar arithmetic (D2 is two dates later, whatever the clocks do), and an instant
// becomes a day only through its site's IANA time zone.
import { TZDate } from "@date-fns/tz";

export type Day = string;

const pad = (n: number) => String(n).padStart(2, "0");
const fromParts = (year: number, monthIndex: number, date: number): Day => {
  const d = new Date(Date.UTC(year, monthIndex, date));
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const parts = (day: Day): [number, number, number] => {
  const [y, m, d] = day.split("-").map(Number);
  return [y!, m! - 1, d!];
};

/** The calendar date an instant falls on in the given zone. */
export function dayOf(instant: Date, timeZone: string): Day {
  const local = new TZDate(instant.getTime(), timeZone);
  return fromParts(local.getFullYear(), local.getMonth(), local.getDate());
}

export function addDays(day: Day, days: number): Day {
  const [y, m, d] = parts(day);
  return fromParts(y, m, d + days);
}

/** The same day of the month `months` later, clamped to that month's last day (31 Dec + 2 = 28/29 Feb). */
export function addMonthsClamped(day: Day, months: number): Day {
  const [y, m, d] = parts(day);
  const lastOfTarget = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return fromParts(y, m + months, Math.min(d, lastOfTarget));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2, d2) - Date.UTC(y1, m1, d1)) / 86_400_000);
}

/** The instant a local wall-clock time on a day happens in the zone. */
export function instantAt(day: Day, hours: number, minutes: number, timeZone: string): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m, d, hours, minutes, 0, 0, timeZone).getTime());
}

/** The ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The n-th day from Monday to Friday after `from` (n = 1: the next one). */
export function weekdayAfter(from: Day, n: number): Day {
  let day = from;
  for (let found = 0; found < n;) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5) found++;
  }
  return day;
}
