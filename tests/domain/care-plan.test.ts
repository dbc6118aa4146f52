import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCarePlan } from "@/lib/domain/care-plan";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, dayOf, daysBetween } from "@/lib/domain/time";

const zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata"];
const instants = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2035-12-31T23:59:59Z"),
  noInvalidDate: true,
});

const planFor = (instant: Date, zone: string) => generateCarePlan(dayOf(instant, zone), defaultPolicies);

describe("post-operative plan (property-based)", () => {
  it("dressings fall on D2, D4, ... D14, exactly two calendar days apart, in any zone (PO-3)", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const plan = planFor(instant, zone);
        expect(plan.dressings.map((d) => daysBetween(plan.operationDay, d))).toEqual([2, 4, 6, 8, 10, 12, 14]);
        plan.dressings.slice(1).forEach((d, i) => expect(daysBetween(plan.dressings[i]!, d)).toBe(2));
      }),
      { numRuns: 500 },
    );
  });

  it("cycling and swimming are D21, running is D0 + 2 months clamped to the month's end (PO-6)", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const plan = planFor(instant, zone);
        const d0 = plan.operationDay;
        const byActivity = Object.fromEntries(plan.milestones.map((m) => [m.activity, m.earliestOn]));
        expect(byActivity.cycling).toBe(addDays(d0, 21));
        expect(byActivity.swimming).toBe(addDays(d0, 21));
        const [y, m, d] = d0.split("-").map(Number) as [number, number, number];
        const targetMonth = (m - 1 + 2) % 12;
        const targetYear = y + Math.floor((m - 1 + 2) / 12);
        const last = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
        const expected = `${targetYear}-${String(targetMonth + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
        expect(byActivity.running).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("nothing in the plan lands before D1, and physio starts by D7 then weekly (PO-4)", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const plan = planFor(instant, zone);
        const d1 = addDays(plan.operationDay, 1);
        const days = [
          ...plan.dressings,
          plan.crutchWeaningReview.from,
          ...plan.physio.flatMap((p) => [p.earliestOn, p.dueBy]),
          ...plan.milestones.map((m) => m.earliestOn),
        ];
        for (const day of days) expect(day >= d1).toBe(true);
        expect(plan.physio[0]).toEqual({ number: 1, earliestOn: d1, dueBy: addDays(plan.operationDay, 7) });
        plan.physio.slice(1).forEach((p, i) => expect(daysBetween(plan.physio[i]!.dueBy, p.dueBy)).toBe(7));
      }),
      { numRuns: 300 },
    );
  });
});

describe("post-operative plan (examples)", () => {
  it("an operation the evening before the spring DST change keeps every other calendar day (PO-3)", () => {
    const plan = planFor(new Date("2026-03-28T19:00:00Z"), "Europe/London");
    expect(plan.operationDay).toBe("2026-03-28");
    expect(plan.dressings.slice(0, 2)).toEqual(["2026-03-30", "2026-04-01"]);
  });
  it("an operation across the autumn DST change in Sydney keeps every other calendar day (PO-3)", () => {
    const plan = planFor(new Date("2026-04-04T14:30:00Z"), "Australia/Sydney");
    expect(plan.operationDay).toBe("2026-04-05");
    expect(plan.dressings.slice(0, 2)).toEqual(["2026-04-07", "2026-04-09"]);
  });
  it("an operation on 31 December clears running on the last day of February (PO-6)", () => {
    expect(
      planFor(new Date("2026-12-31T10:00:00Z"), "Europe/London").milestones.find((m) => m.activity === "running")!
        .earliestOn,
    ).toBe("2027-02-28");
    expect(
      planFor(new Date("2027-12-31T10:00:00Z"), "Europe/London").milestones.find((m) => m.activity === "running")!
        .earliestOn,
    ).toBe("2028-02-29");
  });
  it("an operation on 29 February runs D21 into March (PO-6)", () => {
    const plan = planFor(new Date("2028-02-29T10:00:00Z"), "Europe/London");
    expect(plan.milestones.find((m) => m.activity === "cycling")!.earliestOn).toBe("2028-03-21");
    expect(plan.milestones.find((m) => m.activity === "running")!.earliestOn).toBe("2028-04-29");
  });
  it("holds the crutch-weaning review between D10 and D15 (PO-1)", () => {
    const plan = generateCarePlan("2026-11-01", defaultPolicies);
    expect(plan.crutchWeaningReview).toEqual({ from: "2026-11-11", to: "2026-11-16" });
  });
  it("holds no immobilisation and tells the patient no cast or splint is needed (PO-2)", () => {
    const plan = generateCarePlan("2026-11-01", defaultPolicies);
    expect(JSON.stringify(plan)).not.toMatch(/immobilis/i);
    expect(plan.instructions[0]).toBe("No cast or splint is needed after this operation.");
  });
  it("gives day-to-day activities as guidance, not a date (PO-5)", () => {
    const plan = generateCarePlan("2026-11-01", defaultPolicies);
    expect(plan.instructions).toContain("Day-to-day activities come back gradually, over a few days to a few weeks.");
  });
  it("follows a site's own dressing and physiotherapy policies (PO-3, PO-4)", () => {
    const plan = generateCarePlan("2026-11-01", {
      ...defaultPolicies,
      dressingPlannedUntilDay: 20,
      physioFirstWithinDays: 5,
    });
    expect(plan.dressings).toHaveLength(10);
    expect(plan.physio[0]!.dueBy).toBe("2026-11-06");
  });
});
