import { describe, expect, it } from "vitest";
import { checkAttendance, checkChangeAfterAttendance } from "@/lib/domain/attendance";

const booked = { status: "booked" as const, attendance: null, day: "2026-12-01", bookedAgain: false };
const ruleOf = (v: ReturnType<typeof checkAttendance>) => v?.rule ?? null;

describe("attendance", () => {
  it("is marked from the appointment's own day on, never the day before (PW-1)", () => {
    expect(ruleOf(checkAttendance(booked, "arrived", "2026-11-30"))).toBe("PW-1");
    expect(ruleOf(checkAttendance(booked, "arrived", "2026-12-01"))).toBeNull();
    expect(ruleOf(checkAttendance(booked, "did_not_attend", "2026-12-05"))).toBeNull();
  });
  it("is never marked on a cancelled appointment nor over a recorded visit (PW-3)", () => {
    expect(ruleOf(checkAttendance({ ...booked, status: "cancelled" }, "arrived", "2026-12-01"))).toBe("PW-3");
    expect(ruleOf(checkAttendance({ ...booked, attendance: "attended" }, "did_not_attend", "2026-12-01"))).toBe("PW-3");
  });
  it("corrects one mark for the other, but no arrival once the visit not attended is booked again (PW-3)", () => {
    expect(ruleOf(checkAttendance({ ...booked, attendance: "arrived" }, "did_not_attend", "2026-12-01"))).toBeNull();
    expect(ruleOf(checkAttendance({ ...booked, attendance: "did_not_attend" }, "arrived", "2026-12-01"))).toBeNull();
    expect(
      ruleOf(checkAttendance({ ...booked, attendance: "did_not_attend", bookedAgain: true }, "arrived", "2026-12-01")),
    ).toBe("PW-3");
  });
  it("moves no appointment with attendance, and cancels only one the patient did not attend (PW-3)", () => {
    expect(checkChangeAfterAttendance(null, "move")).toBeNull();
    expect(checkChangeAfterAttendance("did_not_attend", "move")?.rule).toBe("PW-3");
    expect(checkChangeAfterAttendance("did_not_attend", "cancel")).toBeNull();
    expect(checkChangeAfterAttendance("arrived", "cancel")?.rule).toBe("PW-3");
    expect(checkChangeAfterAttendance("attended", "cancel")?.rule).toBe("PW-3");
  });
});
