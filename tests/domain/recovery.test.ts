import { describe, expect, it } from "vitest";
import { defaultPolicies } from "@/lib/domain/policies";
import {
  afterDressing,
  checkDressingRecord,
  missedVisits,
  recoveryAlerts,
  recoveryMilestones,
  replacementDay,
} from "@/lib/domain/recovery";
import { dayOf } from "@/lib/domain/time";

describe("dressing round", () => {
  it("records a visit once, on its day or after, never ahead (PO-3, PW-1)", () => {
    expect(
      checkDressingRecord({ appointmentDay: "2026-11-27", recorded: false, visitOpen: true }, "2026-11-27"),
    ).toBeNull();
    expect(
      checkDressingRecord({ appointmentDay: "2026-11-28", recorded: false, visitOpen: true }, "2026-11-27")?.rule,
    ).toBe("PW-1");
    expect(
      checkDressingRecord({ appointmentDay: "2026-11-27", recorded: true, visitOpen: true }, "2026-11-27")?.rule,
    ).toBe("PW-3");
  });
  it("ends the series when the wound is healed, and goes on every other day while it is not (PO-3)", () => {
    expect(afterDressing("healed", "2026-11-14", true)).toEqual({ endSeries: true, nextDueOn: null });
    expect(afterDressing("exudate", "2026-11-14", false)).toEqual({ endSeries: false, nextDueOn: "2026-11-16" });
    expect(afterDressing("clean_dry", "2026-11-10", true)).toEqual({ endSeries: false, nextDueOn: null });
  });
  it("flags a visit missed only once its day has ended in the site's zone, not UTC's (PO-3)", () => {
    const visits = [{ id: "v", dueOn: "2026-11-27", status: "planned" as const, recorded: false }];
    // 23:30 in Auckland on the 27th is 10:30 UTC the same day; at 00:30 on the 28th it is missed.
    const lateEvening = dayOf(new Date("2026-11-27T10:30:00Z"), "Pacific/Auckland");
    const pastMidnight = dayOf(new Date("2026-11-27T11:30:00Z"), "Pacific/Auckland");
    expect(lateEvening).toBe("2026-11-27");
    expect(missedVisits(visits, lateEvening)).toEqual([]);
    expect(pastMidnight).toBe("2026-11-28");
    expect(missedVisits(visits, pastMidnight).map((v) => v.id)).toEqual(["v"]);
    // In UTC it would still be the 27th: the site's midnight decides.
    expect(missedVisits(visits, "2026-11-27")).toEqual([]);
  });
  it("flags a visit the patient did not attend at once, on its own day (PO-3)", () => {
    const visit = { id: "v", dueOn: "2026-11-27", status: "planned" as const, recorded: false };
    expect(missedVisits([{ ...visit, notAttended: true }], "2026-11-27").map((v) => v.id)).toEqual(["v"]);
    expect(missedVisits([{ ...visit, notAttended: true, recorded: true }], "2026-11-27")).toEqual([]);
  });
  it("replaces a missed visit the next day, so the gap never grows past two days (PO-3)", () => {
    expect(replacementDay("2026-11-27", "2026-11-28")).toBe("2026-11-28");
    expect(replacementDay("2026-11-27", "2026-11-27")).toBe("2026-11-28");
    expect(replacementDay("2026-11-20", "2026-11-28")).toBe("2026-11-28");
  });
});

describe("alerts for the surgeon", () => {
  const base = {
    operationDay: "2026-11-01",
    crutchesWeanedOn: null,
    clearances: [],
    infections: [],
    missed: [],
    physioStarted: true,
  };
  it("raises signs of infection and missed dressings (PO-3)", () => {
    const alerts = recoveryAlerts(
      {
        ...base,
        infections: [{ recordId: "r1", day: "2026-11-05" }],
        missed: [{ visitId: "v1", dueOn: "2026-11-07" }],
      },
      "2026-11-08",
      defaultPolicies,
    );
    expect(alerts.map((a) => [a.key, a.rule])).toEqual([
      ["infection:r1", "PO-3"],
      ["missed:v1", "PO-3"],
    ]);
  });
  it("says a dressing was not attended, offering to book it again up to its due day only (PO-3)", () => {
    const absent = { appointmentId: "a1", bookedAgain: false };
    const alert = (today: string, notAttended = absent) =>
      recoveryAlerts(
        { ...base, missed: [{ visitId: "v1", dueOn: "2026-11-07", notAttended }] },
        today,
        defaultPolicies,
      )[0];
    expect(alert("2026-11-07")).toMatchObject({
      key: "missed:v1",
      kind: "missed_dressing",
      rebook: { appointmentId: "a1" },
    });
    expect(alert("2026-11-07")!.message).toMatch(/did not attend/);
    expect(alert("2026-11-08")).not.toHaveProperty("rebook");
    expect(alert("2026-11-07", { ...absent, bookedAgain: true })).not.toHaveProperty("rebook");
  });
  it("flags a physiotherapy session not attended until it is held, offering to book it again (PO-4)", () => {
    const session = { sessionId: "s1", number: 2, day: "2026-11-10", appointmentId: "a2", bookedAgain: false };
    expect(recoveryAlerts({ ...base, physioNotAttended: [session] }, "2026-11-10", defaultPolicies)).toMatchObject([
      { key: "missed-physio:s1", kind: "physio", rule: "PO-4", rebook: { appointmentId: "a2" } },
    ]);
  });
  it("flags a patient still on crutches after D15, not on D15 (PO-1)", () => {
    expect(recoveryAlerts(base, "2026-11-16", defaultPolicies).map((a) => a.kind)).toEqual([]);
    expect(recoveryAlerts(base, "2026-11-17", defaultPolicies).map((a) => a.kind)).toEqual(["crutches"]);
    expect(recoveryAlerts({ ...base, crutchesWeanedOn: "2026-11-12" }, "2026-11-20", defaultPolicies)).toEqual([]);
  });
  it("flags physiotherapy not started by the policy day (PO-4)", () => {
    expect(recoveryAlerts({ ...base, physioStarted: false }, "2026-11-08", defaultPolicies).map((a) => a.kind)).toEqual(
      [],
    );
    expect(recoveryAlerts({ ...base, physioStarted: false }, "2026-11-09", defaultPolicies).map((a) => a.kind)).toEqual(
      ["physio"],
    );
  });
  it("orders a case's alerts infection first, then missed dressings oldest first, crutches, physiotherapy", () => {
    const alerts = recoveryAlerts(
      {
        ...base,
        physioStarted: false,
        missed: [
          { visitId: "v9", dueOn: "2026-11-15" },
          { visitId: "v3", dueOn: "2026-11-03" },
        ],
        infections: [
          { recordId: "r2", day: "2026-11-09" },
          { recordId: "r1", day: "2026-11-05" },
        ],
      },
      "2026-11-20",
      defaultPolicies,
    );
    expect(alerts.map((a) => a.key)).toEqual([
      "infection:r1",
      "infection:r2",
      "missed:v3",
      "missed:v9",
      "crutches",
      "physio",
    ]);
    expect(alerts[0]!.message).toBe("Signs of infection at the dressing of Thu, 5 Nov 2026.");
  });
  it("does not flag a patient cleared for a sport as still on crutches: the clearance means off crutches (PO-1, PO-6)", () => {
    const running = { activity: "running" as const, sport: null, clearedOn: "2027-01-02" };
    const alerts = recoveryAlerts({ ...base, clearances: [running] }, "2027-01-05", defaultPolicies);
    expect(alerts.map((a) => a.kind)).toEqual([]);
    expect(recoveryMilestones(null, [running])).toEqual({ offCrutches: "2027-01-02", cleared: ["running"] });
  });
});

describe("milestones", () => {
  it("are off crutches from the recorded weaning, else from the first clearance, with clearances in date order (PO-1, PO-6)", () => {
    const cycling = { activity: "cycling" as const, sport: null, clearedOn: "2026-11-22" };
    const dance = { activity: "other" as const, sport: "ballet", clearedOn: "2026-11-30" };
    const swimming = { activity: "swimming" as const, sport: null, clearedOn: "2026-11-25" };
    expect(recoveryMilestones("2026-11-12", [dance, cycling])).toEqual({
      offCrutches: "2026-11-12",
      cleared: ["cycling", "ballet"],
    });
    expect(recoveryMilestones(null, [dance, swimming, cycling])).toEqual({
      offCrutches: "2026-11-22",
      cleared: ["cycling", "swimming", "ballet"],
    });
    expect(recoveryMilestones(null, [])).toEqual({ offCrutches: null, cleared: [] });
  });
});
