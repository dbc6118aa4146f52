import { describe, expect, it } from "vitest";
import type { CaseSnapshot } from "@/lib/domain/pathway";
import { defaultPolicies, policiesOf } from "@/lib/domain/policies";
import { policiesInput } from "@/lib/schemas/policies";
import { checkPathway, checkReason, checkStaffing, checkWithinHours, windowsOn } from "@/lib/domain/scheduling";

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: "09:00", endsAt: "17:00" }));
const zone = "Europe/London";

describe("working hours", () => {
  it("holds a 09:00 weekly pattern at 09:00 local in March and in October, across DST (SC-2)", () => {
    expect(windowsOn("2026-03-27", weekdays, zone)[0]!.start.toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(windowsOn("2026-03-30", weekdays, zone)[0]!.start.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(windowsOn("2026-10-23", weekdays, zone)[0]!.start.toISOString()).toBe("2026-10-23T08:00:00.000Z");
    expect(windowsOn("2026-10-26", weekdays, zone)[0]!.start.toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });
  it("has no hours at the weekend or on leave, and other hours on a dated exception (SC-2)", () => {
    expect(windowsOn("2026-11-28", weekdays, zone)).toEqual([]);
    expect(windowsOn("2026-11-27", weekdays, zone, { onDate: "2026-11-27", startsAt: null, endsAt: null })).toEqual([]);
    expect(
      windowsOn("2026-11-27", weekdays, zone, {
        onDate: "2026-11-27",
        startsAt: "12:00",
        endsAt: "14:00",
      })[0]!.start.toISOString(),
    ).toBe("2026-11-27T12:00:00.000Z");
  });
  it("refuses an appointment that runs past the end of the hours, allows one inside (SC-2)", () => {
    const windows = windowsOn("2026-11-27", weekdays, zone);
    const slot = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
    expect(
      checkWithinHours(slot("2026-11-27T16:50:00Z", "2026-11-27T17:10:00Z"), windows, "the surgeon's working")?.rule,
    ).toBe("SC-2");
    expect(
      checkWithinHours(slot("2026-11-27T16:40:00Z", "2026-11-27T17:00:00Z"), windows, "the surgeon's working"),
    ).toBeNull();
  });
});

describe("who and what each appointment needs", () => {
  const surgeon = { role: "surgeon" };
  it("refuses a consultation with a nurse, allows it with a surgeon in a consulting room (SC-3)", () => {
    expect(
      checkStaffing({
        kind: "consultation",
        clinician: { role: "nurse" },
        anaesthetist: null,
        room: { kind: "consulting" },
      })?.rule,
    ).toBe("SC-3");
    expect(
      checkStaffing({ kind: "consultation", clinician: surgeon, anaesthetist: null, room: { kind: "consulting" } }),
    ).toBeNull();
  });
  it("needs a surgeon, an anaesthetist and a theatre for an arthroscopy (SC-3)", () => {
    expect(
      checkStaffing({ kind: "arthroscopy", clinician: surgeon, anaesthetist: null, room: { kind: "theatre" } })?.rule,
    ).toBe("SC-3");
    expect(
      checkStaffing({
        kind: "arthroscopy",
        clinician: surgeon,
        anaesthetist: { role: "anaesthetist" },
        room: { kind: "consulting" },
      })?.rule,
    ).toBe("SC-3");
    expect(
      checkStaffing({
        kind: "arthroscopy",
        clinician: surgeon,
        anaesthetist: { role: "anaesthetist" },
        room: { kind: "theatre" },
      }),
    ).toBeNull();
  });
  it("books imaging with a room only, and a dressing with a nurse at home or in a dressing room (SC-3)", () => {
    expect(
      checkStaffing({ kind: "imaging", clinician: null, anaesthetist: null, room: { kind: "imaging" } }),
    ).toBeNull();
    expect(
      checkStaffing({ kind: "imaging", clinician: null, anaesthetist: null, room: { kind: "consulting" } })?.rule,
    ).toBe("SC-3");
    expect(
      checkStaffing({ kind: "dressing", clinician: { role: "nurse" }, anaesthetist: null, room: null }),
    ).toBeNull();
  });
  it("moves and cancels only with a reason (SC-4)", () => {
    expect(checkReason("  ")?.rule).toBe("SC-4");
    expect(checkReason("Patient unwell")).toBeNull();
  });
  it("lasts the clinic's default length unless the site sets its own (SC-5)", () => {
    expect(defaultPolicies.durations).toEqual({
      consultation: 20,
      follow_up: 15,
      imaging: 30,
      injection: 30,
      anaesthesia_assessment: 30,
      arthroscopy: 90,
      dressing: 20,
      physio: 45,
    });
    expect(policiesOf({ durations: { dressing: 30, physio: -1 } }).durations).toMatchObject({
      dressing: 30,
      physio: 45,
    });
  });
});

describe("the clinic's telephone number", () => {
  it("is unset by default and read from the site's settings, blank meaning unset", () => {
    expect(policiesOf({}).clinicPhone).toBeNull();
    expect(policiesOf({ clinicPhone: " 020 7946 0321 " }).clinicPhone).toBe("020 7946 0321");
    expect(policiesOf({ clinicPhone: "  " }).clinicPhone).toBeNull();
    expect(policiesOf({ clinicPhone: 2079460321 }).clinicPhone).toBeNull();
  });

  it("is refused by the settings form unless it reads as a phone number", () => {
    const base = { ...defaultPolicies, clinicPhone: undefined };
    for (const bad of ["call reception", "12345", "020 7946 0321 ext. 4", "0".repeat(30)]) {
      const result = policiesInput.safeParse({ ...base, clinicPhone: bad });
      expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual(["clinicPhone"]);
    }
    for (const good of ["020 7946 0321", "+44 (0)20 7946 0321", "0161-496-0000", null]) {
      expect(policiesInput.safeParse({ ...base, clinicPhone: good }).success).toBe(true);
    }
  });
});

describe("appointments and the pathway", () => {
  const assessed: CaseSnapshot = {
    status: "assessed",
    imaging: [{ performedOn: "2026-01-10", supportsDiagnosis: true }],
    injections: [],
    courses: [{ id: "c", startedOn: "2026-01-15", outcome: "failed", reviewedOn: "2026-03-01" }],
    listing: { listedOn: "2026-03-05" },
    assessments: [{ assessedOn: "2026-11-01", anaesthesiaType: "general", homeSupport: false }],
    operation: null,
    crutchesWeanedOn: null,
    clearances: [],
  };
  const operated: CaseSnapshot = { ...assessed, status: "operated", operation: { operationDay: "2026-11-20" } };
  // Booked on the day of the operation unless a test says otherwise.
  const check = (c: CaseSnapshot, booking: Omit<Parameters<typeof checkPathway>[1], "today"> & { today?: string }) =>
    checkPathway(c, { today: "2026-11-20", ...booking }, defaultPolicies)?.rule ?? null;

  it("refuses an arthroscopy for a case without an assessment (SX-2)", () => {
    expect(
      check({ ...assessed, status: "listed_for_surgery", assessments: [] }, { kind: "arthroscopy", day: "2026-12-01" }),
    ).toBe("SX-2");
  });
  it("refuses an arthroscopy after the assessment's validity, allows it within (SX-3)", () => {
    expect(check(assessed, { kind: "arthroscopy", day: "2027-01-31" })).toBe("SX-3");
    expect(check(assessed, { kind: "arthroscopy", day: "2027-01-30", admission: "inpatient" })).toBeNull();
  });
  it("refuses a day case without help at home (SX-4)", () => {
    expect(check(assessed, { kind: "arthroscopy", day: "2026-12-01", admission: "day_case" })).toBe("SX-4");
    const helped = { ...assessed, assessments: [{ ...assessed.assessments[0]!, homeSupport: true }] };
    expect(check(helped, { kind: "arthroscopy", day: "2026-12-01", admission: "day_case" })).toBeNull();
  });
  it("keeps a dressing on its due day, never later, and never before D1 (PO-3)", () => {
    const dressing = { dueOn: "2026-11-24" };
    expect(check(operated, { kind: "dressing", day: "2026-11-24", dressing })).toBeNull();
    expect(check(operated, { kind: "dressing", day: "2026-11-25", dressing })).toBe("PO-3");
    expect(check(operated, { kind: "dressing", day: "2026-11-25", dressing, moving: true })).toBe("PO-3");
    expect(check(operated, { kind: "dressing", day: "2026-11-23", dressing, moving: true })).toBeNull();
    expect(check(operated, { kind: "dressing", day: "2026-11-20", dressing, moving: true })).toBe("PO-3");
  });
  it("books physiotherapy from D1, the first session by D7 while D7 is ahead (PO-4)", () => {
    expect(check(operated, { kind: "physio", day: "2026-11-20", physio: { number: 1 } })).toBe("PO-4");
    expect(check(operated, { kind: "physio", day: "2026-11-21", physio: { number: 1 } })).toBeNull();
    expect(check(operated, { kind: "physio", day: "2026-11-27", physio: { number: 1 } })).toBeNull();
    expect(check(operated, { kind: "physio", day: "2026-11-28", physio: { number: 1 } })).toBe("PO-4");
    expect(check(operated, { kind: "physio", day: "2026-11-28", physio: { number: 1 }, today: "2026-11-26" })).toBe(
      "PO-4",
    );
    expect(
      check(operated, { kind: "physio", day: "2026-11-28", physio: { number: 1 }, today: "2026-11-26", moving: true }),
    ).toBe("PO-4");
    expect(check(operated, { kind: "physio", day: "2026-12-10", physio: { number: 3 } })).toBeNull();
  });
  it("books a first physiotherapy session not held by its due day as soon as possible, never refused for being late (PO-4)", () => {
    expect(
      check(operated, { kind: "physio", day: "2026-11-28", physio: { number: 1 }, today: "2026-11-27" }),
    ).toBeNull();
    expect(
      check(operated, { kind: "physio", day: "2026-11-28", physio: { number: 1 }, today: "2026-11-28" }),
    ).toBeNull();
    expect(
      check(operated, { kind: "physio", day: "2026-12-02", physio: { number: 1 }, today: "2026-12-02" }),
    ).toBeNull();
    expect(
      check(operated, { kind: "physio", day: "2026-12-02", physio: { number: 1 }, today: "2026-11-30", moving: true }),
    ).toBeNull();
  });
  it("books nothing more for a closed case (PW-3)", () => {
    expect(check({ ...assessed, status: "cancelled" }, { kind: "consultation", day: "2026-12-01" })).toBe("PW-3");
  });
});
