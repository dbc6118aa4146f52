import { describe, expect, it } from "vitest";
import { freeIntervals, fromWallClock, toWallClock } from "@/lib/domain/calendar-grid";
import { instantAt } from "@/lib/domain/time";
import { dayFromToday, siteAt, siteZone } from "../setup/clock";

const at = (hours: number, minutes = 0) => siteAt(3, hours, minutes);
const span = (from: Date, to: Date) => ({ start: from, end: to });
const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe("the calendar grid shows the site's wall clock, whatever the browser's zone", () => {
  it("draws an instant at the site's time of day and date, and reads a grid time back as the same instant", () => {
    const nineThirty = siteAt(2, 9, 30);
    const drawn = toWallClock(nineThirty, siteZone);
    expect([drawn.getHours(), drawn.getMinutes()]).toEqual([9, 30]);
    const [y, m, d] = dayFromToday(2).split("-").map(Number);
    expect([drawn.getFullYear(), drawn.getMonth() + 1, drawn.getDate()]).toEqual([y, m, d]);
    expect(fromWallClock(drawn, siteZone).toISOString()).toBe(nineThirty.toISOString());
  });

  it("uses the site's zone, not UTC's, on both sides of the clock changes", () => {
    for (const [day, zone] of [
      ["2027-03-27", "Europe/London"],
      ["2027-03-29", "Europe/London"],
      ["2027-10-30", "Europe/London"],
      ["2027-11-01", "America/New_York"],
    ] as const) {
      const instant = instantAt(day, 14, 15, zone);
      const drawn = toWallClock(instant, zone);
      expect([drawn.getDate(), drawn.getHours(), drawn.getMinutes()]).toEqual([Number(day.slice(8)), 14, 15]);
      expect(fromWallClock(drawn, zone).toISOString()).toBe(instant.toISOString());
    }
  });
});

describe("free blocks of a clinician's or a room's day", () => {
  it("are the hours minus the bookings, overlapping bookings merged", () => {
    const free = freeIntervals(
      [span(at(8), at(18))],
      [span(at(9), at(10)), span(at(9, 30), at(11)), span(at(17), at(19))],
    );
    expect(iso(free)).toEqual(iso([span(at(8), at(9)), span(at(11), at(17))]));
  });

  it("start no earlier than the given instant, and a fully booked window leaves nothing", () => {
    expect(iso(freeIntervals([span(at(8), at(18))], [span(at(13), at(14))], at(12, 30)))).toEqual(
      iso([span(at(12, 30), at(13)), span(at(14), at(18))]),
    );
    expect(freeIntervals([span(at(8), at(12))], [span(at(7), at(12))])).toEqual([]);
    expect(freeIntervals([span(at(8), at(12))], [], at(13))).toEqual([]);
  });
});
