// What the calendar grid draws. The grid component lays out JavaScript Dates by their local
// (browser) fields; the clinic works on the site's wall clock. So an instant is handed to the
// grid as a Date whose local fields read the site's time, and a time picked on the grid is read
// back through the site's zone. A site time that does not exist in the browser's own zone (its
// spring-forward hour, when the browser is elsewhere) is drawn an hour later.
import { TZDate } from "@date-fns/tz";
import type { Interval } from "./scheduling";
import { instantAt } from "./time";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a Date whose local year..minute fields are the site's wall clock at that instant. */
export function toWallClock(instant: Date, timeZone: string): Date {
  const site = new TZDate(instant.getTime(), timeZone);
  return new Date(site.getFullYear(), site.getMonth(), site.getDate(), site.getHours(), site.getMinutes());
}

/** The inverse of `toWallClock`: a Date whose local fields are a site wall-clock time, as the instant it happens. */
export function fromWallClock(local: Date, timeZone: string): Date {
  const day = `${String(local.getFullYear()).padStart(4, "0")}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return instantAt(day, local.getHours(), local.getMinutes(), timeZone);
}

/**
 * The free parts of working or opening `windows`: each window minus every `busy` interval (they
 * may overlap), from `notBefore` on when given (the past cannot be booked). Sorted by start;
 * empty pieces are dropped.
 */
export function freeIntervals(windows: Interval[], busy: Interval[], notBefore?: Date): Interval[] {
  const taken = [...busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const free: Interval[] = [];
  for (const window of windows) {
    let cursor = notBefore && notBefore > window.start ? notBefore : window.start;
    for (const b of taken) {
      if (b.end <= cursor || b.start >= window.end) continue;
      if (b.start > cursor) free.push({ start: cursor, end: b.start });
      if (b.end > cursor) cursor = b.end;
    }
    if (cursor < window.end) free.push({ start: cursor, end: window.end });
  }
  return free.sort((a, b) => a.start.getTime() - b.start.getTime());
}
