// The one clock of a vitest run. The global setup reads the time once, when the run starts, and
// every test file's `Date` is fixed at that instant (tests/setup/fixed-date.ts), so services
// called without a clock, fixtures and assertions all see one "now" however long the run takes:
// a run started at 23:59 never sees midnight. Dates in tests are built from these helpers. To
// run the suite at another instant, run it under libfaketime (`npm run test:clocks`).
import { inject } from "vitest";
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";

/** The zone of every test site. */
export const siteZone = "Europe/London";

/** The run's instant. */
export const now = (): Date => new Date(inject("now"));

/** The run's calendar day at the site. */
export const today = (): Day => dayOf(now(), siteZone);

/** The day `days` calendar days from today (negative: before). */
export const dayFromToday = (days: number): Day => addDays(today(), days);

/** The instant of a site wall-clock time, `days` calendar days from today. */
export const siteAt = (days: number, hours: number, minutes = 0): Date =>
  instantAt(dayFromToday(days), hours, minutes, siteZone);

/** The instant `minutes` after (negative: before) the run's instant. */
export const minutesFromNow = (minutes: number): Date => new Date(now().getTime() + minutes * 60_000);
