import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, dayOf, daysBetween, instantAt, isoWeekday, weekdayAfter } from "@/lib/domain/time";

describe("calendar days in a site's zone", () => {
  it("takes the day of an instant in the site's zone, not UTC's", () => {
    const lateEvening = new Date("2026-06-30T23:30:00Z");
    expect(dayOf(lateEvening, "Europe/London")).toBe("2026-07-01");
    expect(dayOf(lateEvening, "America/New_York")).toBe("2026-06-30");
    expect(dayOf(lateEvening, "Pacific/Auckland")).toBe("2026-07-01");
  });
  it("adds calendar days across a DST change", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
  it("names ISO weekdays and steps over weekends to the n-th weekday, across a year end and 29 February", () => {
    expect(["2026-11-30", "2026-12-05", "2026-12-06"].map(isoWeekday)).toEqual([1, 6, 7]);
    expect(weekdayAfter("2026-12-04", 1)).toBe("2026-12-07");
    expect(weekdayAfter("2026-12-31", 2)).toBe("2027-01-04");
    expect(weekdayAfter("2028-02-28", 1)).toBe("2028-02-29");
    expect(weekdayAfter("2026-12-05", 5)).toBe("2026-12-11");
  });
  it("clamps months to the last day of the month", () => {
    expect(addMonthsClamped("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonthsClamped("2027-12-31", 2)).toBe("2028-02-29");
    expect(addMonthsClamped("2028-02-29", 2)).toBe("2028-04-29");
    expect(addMonthsClamped("2026-08-31", 2)).toBe("2026-10-31");
  });
  it("finds the instant of a local wall-clock time on both sides of a DST change", () => {
    expect(instantAt("2026-03-27", 9, 0, "Europe/London").toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(instantAt("2026-03-30", 9, 0, "Europe/London").toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });
});
