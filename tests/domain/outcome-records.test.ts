import { describe, expect, it } from "vitest";
import { checkActivityReturn, checkComplication, returnReadout, type ReturnFacts } from "@/lib/domain/outcome-records";

const operated: ReturnFacts = {
  operationDay: "2026-01-15",
  clearances: [
    { activity: "running", clearedOn: "2026-03-20" },
    { activity: "cycling", clearedOn: "2026-02-05" },
    { activity: "other", clearedOn: "2026-04-01" },
  ],
  recorded: [],
};
const today = "2026-06-01";

describe("return to activity (OC-2)", () => {
  it("records a return on or after its clearance, up to today (OC-2)", () => {
    expect(checkActivityReturn(operated, { activity: "running", resumedOn: "2026-03-20" }, today)).toBeNull();
    expect(checkActivityReturn(operated, { activity: "cycling", resumedOn: today }, today)).toBeNull();
    expect(checkActivityReturn(operated, { activity: "sport", resumedOn: "2026-04-02" }, today)).toBeNull();
  });

  it("refuses a return dated before its activity's clearance, naming the day cleared (OC-2)", () => {
    const refused = checkActivityReturn(operated, { activity: "running", resumedOn: "2026-03-19" }, today);
    expect(refused).toMatchObject({ rule: "OC-2", message: expect.stringContaining("cleared for running on") });
  });

  it("refuses a return to an activity never cleared; another activity's clearance does not count (OC-2)", () => {
    const refused = checkActivityReturn(operated, { activity: "swimming", resumedOn: "2026-05-01" }, today);
    expect(refused).toMatchObject({ rule: "OC-2", message: expect.stringContaining("not been cleared for swimming") });
  });

  it("takes the patient's own sport as cleared by the clearance of another sport, not by running (OC-2)", () => {
    const onlyRunning = { ...operated, clearances: [{ activity: "running" as const, clearedOn: "2026-03-20" }] };
    expect(checkActivityReturn(onlyRunning, { activity: "sport", resumedOn: "2026-05-01" }, today)?.rule).toBe("OC-2");
    expect(checkActivityReturn(operated, { activity: "sport", resumedOn: "2026-03-31" }, today)?.rule).toBe("OC-2");
  });

  it("refuses a return in the future, before the operation, or without an operation (OC-2)", () => {
    const tomorrow = "2026-06-02";
    const early = { ...operated, clearances: [{ activity: "cycling" as const, clearedOn: "2026-01-01" }] };
    expect(checkActivityReturn(operated, { activity: "cycling", resumedOn: tomorrow }, today)).toMatchObject({
      rule: "OC-2",
      message: expect.stringContaining("future"),
    });
    expect(checkActivityReturn(early, { activity: "cycling", resumedOn: "2026-01-14" }, today)).toMatchObject({
      rule: "OC-2",
      message: expect.stringContaining("before the operation"),
    });
    expect(
      checkActivityReturn({ ...operated, operationDay: null }, { activity: "cycling", resumedOn: today }, today)?.rule,
    ).toBe("OC-2");
  });

  it("keeps one return per activity and says so plainly (OC-2)", () => {
    const refused = checkActivityReturn(
      { ...operated, recorded: ["running"] },
      { activity: "running", resumedOn: "2026-04-01" },
      today,
    );
    expect(refused).toMatchObject({ rule: "OC-2", message: expect.stringContaining("already recorded") });
    expect(
      checkActivityReturn({ ...operated, recorded: ["running"] }, { activity: "cycling", resumedOn: today }, today),
    ).toBeNull();
  });

  it("reads a return against the leaflet's timetable in days from the operation (OC-2, PO-6)", () => {
    // Two months after 15 January is 15 March, day 59: running on day 73 is 14 days after it was allowed.
    expect(returnReadout("2026-01-15", "running", "2026-03-29")).toEqual({
      dayAfterOperation: 73,
      allowedFrom: "2026-03-15",
      allowedFromDay: 59,
      daysAfterAllowed: 14,
      summary: "Resumed running on day 73, 14 days after it was allowed (from day 59).",
    });
    expect(returnReadout("2026-01-15", "cycling", "2026-02-05")).toMatchObject({
      dayAfterOperation: 21,
      allowedFromDay: 21,
      daysAfterAllowed: 0,
      summary: "Resumed cycling on day 21, the first day it was allowed (from day 21).",
    });
    expect(returnReadout("2026-01-15", "sport", "2026-04-01")).toMatchObject({
      dayAfterOperation: 76,
      allowedFrom: null,
      daysAfterAllowed: null,
    });
  });

  it("counts calendar days across 29 February and a clock change (OC-2)", () => {
    // 2028 is a leap year; 26 March 2028 is the spring clock change in Europe/London.
    expect(returnReadout("2028-02-28", "cycling", "2028-03-27").dayAfterOperation).toBe(28);
    expect(returnReadout("2027-12-29", "running", "2028-02-29").allowedFrom).toBe("2028-02-29");
  });
});

describe("complications (OC-3)", () => {
  const facts = { operationDay: "2026-01-15" };
  it("records a complication from the operation day up to today (OC-3)", () => {
    expect(checkComplication(facts, { occurredOn: "2026-01-15" }, today)).toBeNull();
    expect(checkComplication(facts, { occurredOn: today }, today)).toBeNull();
  });

  it("refuses a complication before the operation day, in the future or without an operation (OC-3)", () => {
    expect(checkComplication(facts, { occurredOn: "2026-01-14" }, today)).toMatchObject({
      rule: "OC-3",
      message: expect.stringContaining("before the operation"),
    });
    expect(checkComplication(facts, { occurredOn: "2026-06-02" }, today)).toMatchObject({
      rule: "OC-3",
      message: expect.stringContaining("future"),
    });
    expect(checkComplication({ operationDay: null }, { occurredOn: today }, today)?.rule).toBe("OC-3");
  });

  it("refuses a dressing record of another case, or one whose complication is recorded (OC-3)", () => {
    const other = { ...facts, dressingRecord: { ofCase: false, complicationRecorded: false } };
    const again = { ...facts, dressingRecord: { ofCase: true, complicationRecorded: true } };
    const fine = { ...facts, dressingRecord: { ofCase: true, complicationRecorded: false } };
    expect(checkComplication(other, { occurredOn: today }, today)?.rule).toBe("OC-3");
    expect(checkComplication(again, { occurredOn: today }, today)).toMatchObject({
      rule: "OC-3",
      message: expect.stringContaining("already recorded"),
    });
    expect(checkComplication(fine, { occurredOn: today }, today)).toBeNull();
  });
});
