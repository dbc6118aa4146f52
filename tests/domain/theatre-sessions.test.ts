import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import {
  checkListOrder,
  runningOrder,
  sessionGaps,
  sessionOf,
  sessionsOfDay,
  utilisationOf,
  type TheatreSessionTimes,
} from "@/lib/domain/theatre-sessions";
import { addDays, dayOf } from "@/lib/domain/time";
import { dayFromToday, siteAt, siteZone } from "../setup/clock";

const standard: TheatreSessionTimes = {
  morning: { start: "08:00", end: "13:00" },
  afternoon: { start: "13:00", end: "18:00" },
};
const zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"] as const;
const days = fc.integer({ min: -800, max: 800 }).map((n) => addDays("2026-12-01", n));
const wallClock = (instant: Date, zone: string) => {
  const local = new TZDate(instant.getTime(), zone);
  return `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
};
const minutes = (m: number) => m * 60_000;

describe("the sessions of a theatre's day (WL-5)", () => {
  it("are the morning and the afternoon at the policy's site times", () => {
    const [morning, afternoon] = sessionsOfDay(dayFromToday(3), standard, siteZone);
    expect(morning).toMatchObject({ name: "morning", start: siteAt(3, 8), end: siteAt(3, 13), minutes: 300 });
    expect(afternoon).toMatchObject({ name: "afternoon", start: siteAt(3, 13), end: siteAt(3, 18), minutes: 300 });
  });

  it("start at the site's wall-clock times on any day in any zone, on the calendar day asked (property)", () => {
    fc.assert(
      fc.property(days, fc.constantFrom(...zones), (day, zone) => {
        const sessions = sessionsOfDay(day, standard, zone);
        expect(sessions.map((s) => [wallClock(s.start, zone), wallClock(s.end, zone)])).toEqual([
          ["08:00", "13:00"],
          ["13:00", "18:00"],
        ]);
        expect(sessions.map((s) => dayOf(s.start, zone))).toEqual([day, day]);
        expect(sessions[0]!.end).toEqual(sessions[1]!.start);
      }),
    );
  });

  it("keep 08:00 site time on the clock-change days, and a session spanning the change is an hour shorter or longer", () => {
    // Europe/London: clocks go forward at 01:00 on 29 March 2026 and back at 02:00 on 25 October 2026.
    const [spring] = sessionsOfDay("2026-03-29", standard, "Europe/London");
    expect(spring!.start.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    const [before] = sessionsOfDay("2026-03-28", standard, "Europe/London");
    expect(before!.start.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    const [autumn] = sessionsOfDay("2026-10-25", standard, "Europe/London");
    expect(autumn!.start.toISOString()).toBe("2026-10-25T08:00:00.000Z");
    const night: TheatreSessionTimes = { morning: { start: "00:00", end: "06:00" }, afternoon: standard.afternoon };
    expect(sessionsOfDay("2026-03-29", night, "Europe/London")[0]!.minutes).toBe(300);
    expect(sessionsOfDay("2026-10-25", night, "Europe/London")[0]!.minutes).toBe(420);
  });
});

describe("the session an arthroscopy belongs to (WL-5)", () => {
  it("is the one in which it starts, even when it runs past that session's end", () => {
    const sessions = sessionsOfDay(dayFromToday(2), standard, siteZone);
    expect(sessionOf(siteAt(2, 8), sessions)?.name).toBe("morning");
    expect(sessionOf(siteAt(2, 12, 30), sessions)?.name).toBe("morning");
    expect(sessionOf(siteAt(2, 13), sessions)?.name).toBe("afternoon");
    expect(sessionOf(siteAt(2, 17, 59), sessions)?.name).toBe("afternoon");
    expect(sessionOf(siteAt(2, 18), sessions)).toBeNull();
    expect(sessionOf(siteAt(2, 7, 59), sessions)).toBeNull();
  });

  it("is exactly one session for every start between the morning's start and the afternoon's end (property)", () => {
    fc.assert(
      fc.property(days, fc.constantFrom(...zones), fc.double({ min: 0, max: 1, noNaN: true }), (day, zone, share) => {
        const sessions = sessionsOfDay(day, standard, zone);
        const from = sessions[0]!.start.getTime();
        const start = new Date(from + Math.floor(share * (sessions[1]!.end.getTime() - from - 1)));
        const holding = sessions.filter((s) => s.start <= start && start < s.end);
        expect(holding).toHaveLength(1);
        expect(sessionOf(start, sessions)).toBe(holding[0]);
      }),
    );
  });
});

describe("a session's utilisation (WL-5)", () => {
  const [morning] = sessionsOfDay(dayFromToday(4), standard, siteZone);

  it("is booked arthroscopy minutes over session minutes, 0 when empty, rounded to a tenth of a percent", () => {
    expect(utilisationOf(morning!, [])).toEqual({ bookedMinutes: 0, sessionMinutes: 300, utilisation: 0 });
    const two = [
      { start: siteAt(4, 8), end: siteAt(4, 9, 30) },
      { start: siteAt(4, 9, 30), end: siteAt(4, 11) },
    ];
    expect(utilisationOf(morning!, two)).toEqual({ bookedMinutes: 180, sessionMinutes: 300, utilisation: 0.6 });
    expect(utilisationOf(morning!, [{ start: siteAt(4, 8), end: siteAt(4, 8, 1) }]).utilisation).toBe(0.003);
  });

  it("counts an overrun past the session's end whole, so an overrunning list is above 1", () => {
    const list = [
      { start: siteAt(4, 8), end: siteAt(4, 12) },
      { start: siteAt(4, 12), end: siteAt(4, 13, 30) },
    ];
    expect(utilisationOf(morning!, list)).toEqual({ bookedMinutes: 330, sessionMinutes: 300, utilisation: 1.1 });
  });

  it("is within half a thousandth of the exact ratio and grows with each arthroscopy added (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 240 }), { maxLength: 6 }), (lengths) => {
        const list = lengths.map((length) => ({
          start: morning!.start,
          end: new Date(morning!.start.getTime() + minutes(length)),
        }));
        const total = lengths.reduce((a, b) => a + b, 0);
        const { utilisation, bookedMinutes } = utilisationOf(morning!, list);
        expect(bookedMinutes).toBe(total);
        expect(Math.abs(utilisation - total / 300)).toBeLessThanOrEqual(0.0005);
        expect(utilisationOf(morning!, list.slice(0, -1)).utilisation).toBeLessThanOrEqual(utilisation);
      }),
    );
  });
});

describe("free gaps of a session", () => {
  const [, afternoon] = sessionsOfDay(dayFromToday(5), standard, siteZone);

  it("are the session minus the theatre's bookings, a morning overrun included, long enough for an arthroscopy", () => {
    const busy = [
      { start: siteAt(5, 12), end: siteAt(5, 13, 30) },
      { start: siteAt(5, 14, 30), end: siteAt(5, 16) },
      { start: siteAt(5, 17), end: siteAt(5, 18) },
    ];
    const gaps = sessionGaps(afternoon!, busy, 90);
    // 13:30-14:30 and 16:00-17:00 are an hour each: too short for a 90-minute arthroscopy.
    expect(gaps).toEqual([]);
    expect(sessionGaps(afternoon!, busy, 60)).toEqual([
      { start: siteAt(5, 13, 30), end: siteAt(5, 14, 30) },
      { start: siteAt(5, 16), end: siteAt(5, 17) },
    ]);
    expect(sessionGaps(afternoon!, [], 90)).toEqual([{ start: afternoon!.start, end: afternoon!.end }]);
  });

  it("never overlap a booking, stay in the session and are each long enough (property)", () => {
    const booking = fc
      .tuple(fc.integer({ min: -120, max: 400 }), fc.integer({ min: 1, max: 200 }))
      .map(([from, length]) => ({
        start: new Date(afternoon!.start.getTime() + minutes(from)),
        end: new Date(afternoon!.start.getTime() + minutes(from + length)),
      }));
    fc.assert(
      fc.property(fc.array(booking, { maxLength: 8 }), fc.integer({ min: 1, max: 120 }), (busy, least) => {
        for (const gap of sessionGaps(afternoon!, busy, least)) {
          expect(gap.start >= afternoon!.start && gap.end <= afternoon!.end).toBe(true);
          expect(gap.end.getTime() - gap.start.getTime()).toBeGreaterThanOrEqual(minutes(least));
          expect(busy.some((b) => b.start < gap.end && gap.start < b.end)).toBe(false);
        }
      }),
    );
  });
});

describe("the running order of a session's list", () => {
  const items = [
    { id: "c", start: siteAt(1, 11) },
    { id: "a", start: siteAt(1, 8) },
    { id: "b", start: siteAt(1, 9, 30) },
  ];

  it("is by start time until an order is recorded, then the recorded order, later bookings after it by time", () => {
    expect(runningOrder(items, new Map())).toEqual(["a", "b", "c"]);
    expect(
      runningOrder(
        items,
        new Map([
          ["c", 0],
          ["a", 1],
          ["b", 2],
        ]),
      ),
    ).toEqual(["c", "a", "b"]);
    expect(
      runningOrder(
        items,
        new Map([
          ["c", 0],
          ["b", 1],
        ]),
      ),
    ).toEqual(["c", "b", "a"]);
  });

  it("holds every item once whatever positions are recorded (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(["a", "b", "c"]), (recorded) => {
        const order = runningOrder(items, new Map(recorded.map((id, i) => [id, i])));
        expect([...order].sort()).toEqual(["a", "b", "c"]);
        expect(order.slice(0, recorded.length)).toEqual(recorded);
      }),
    );
  });
});

describe("a new running order (WL-5)", () => {
  it("is refused when it leaves out, repeats or adds an arthroscopy, with rule WL-5 (WL-5)", () => {
    expect(checkListOrder(["a", "b"], ["b"])?.rule).toBe("WL-5");
    expect(checkListOrder(["a", "b"], ["b", "a", "a"])?.rule).toBe("WL-5");
    expect(checkListOrder(["a", "b"], ["b", "c"])?.rule).toBe("WL-5");
    expect(checkListOrder(["a", "b"], ["a", "b", "c"])?.rule).toBe("WL-5");
  });

  it("is accepted when it names every booked arthroscopy once, in any order (WL-5)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(["a", "b", "c", "d"], { minLength: 4 }), (order) => {
        expect(checkListOrder(["a", "b", "c", "d"], order)).toBeNull();
      }),
    );
  });
});
