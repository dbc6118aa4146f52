import type { Day } from "./time";

/**
 * The one way the product writes dates and times for people (screens, printed plan, messages):
 * "Tue, 1 Dec 2026", "Tue, 1 Dec 2026, 09:30", "09:30" (24-hour clock, UK English).
 * Instants are shown in the site's zone (an IANA name such as "Europe/London").
 */
const dayFormat: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };
const timeFormat: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/** A calendar day ("2026-12-01") as "Tue, 1 Dec 2026". */
export const formatDay = (day: Day | string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { ...dayFormat, timeZone: "UTC" });

/** An instant (ISO string or Date) as "Tue, 1 Dec 2026, 09:30" on the site's wall clock. */
export const formatDateTime = (at: string | Date, timeZone: string) =>
  new Date(at).toLocaleString("en-GB", { ...dayFormat, ...timeFormat, timeZone });

/** An instant's wall-clock time at the site, "09:30". */
export const formatTime = (at: string | Date, timeZone: string) =>
  new Date(at).toLocaleTimeString("en-GB", { ...timeFormat, timeZone });

/** The zone of the machine this runs on: for instants whose site is not known to the page (audit, worklists). */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
