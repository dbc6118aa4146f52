// The one clock of the end-to-end tests: the machine's, which the server under test also reads.
// Every date and time a test sends or expects is built here from one reading of it, as calendar
// days and wall-clock times at the demo site, so a test is valid whenever it runs: it never
// books "a few minutes from now" (which can cross midnight) nor a fixed hour "today" (which can
// be past). Tests that need what only an earlier clock could have made use ./arrange.ts.
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";

export { weekdayAfter } from "@/lib/domain/time";

export const siteZone = "Europe/London";

export const now = (): Date => new Date();
export const today = (clock = now()): Day => dayOf(clock, siteZone);
export const daysAgo = (n: number, clock = now()): Day => addDays(today(clock), -n);

/** The instant (ISO 8601) of a site wall-clock time on a day. */
export const siteAt = (day: Day, hours: number, minutes = 0): string =>
  instantAt(day, hours, minutes, siteZone).toISOString();

/** The instant (ISO 8601) of the site's midnight that starts a day. */
export const startOf = (day: Day): string => siteAt(day, 0);

/**
 * An instant earlier today at the site: an hour before the clock, or today's midnight when the
 * day is younger than an hour. For "it happened today, already": never in the future, never yesterday.
 */
export function earlierToday(clock = now()): string {
  return new Date(Math.max(Date.parse(startOf(today(clock))), clock.getTime() - 3_600_000)).toISOString();
}

/** A `datetime-local` field's value ("YYYY-MM-DDTHH:mm") for an instant, on the site's wall clock. */
export function siteWallClock(instant: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: siteZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}
