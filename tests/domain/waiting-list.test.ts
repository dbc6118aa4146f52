import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPolicies, policiesOf } from "@/lib/domain/policies";
import { addDays } from "@/lib/domain/time";
import {
  admittedClock,
  breachStanding,
  compareWaitingList,
  decidePriorityChange,
  listingPriorities,
  priorityDueOn,
  referralClock,
  type WaitingListKey,
} from "@/lib/domain/waiting-list";

const policies = defaultPolicies;

describe("clinical priority (WL-1)", () => {
  it("gives each priority its due day: 3 days, 1 month, 3 months, none for P4 (WL-1)", () => {
    expect(listingPriorities.map((p) => priorityDueOn("2026-11-30", p))).toEqual([
      "2026-12-03",
      "2026-12-30",
      "2027-02-28",
      null,
    ]);
  });
  it("clamps a month's due day to the month's end, 29 February in a leap year (WL-1)", () => {
    expect(priorityDueOn("2028-01-31", "P2")).toBe("2028-02-29");
    expect(priorityDueOn("2027-11-30", "P3")).toBe("2028-02-29");
    expect(priorityDueOn("2028-02-28", "P1")).toBe("2028-03-02");
  });
  it("changes the priority only while the case waits, and only to another one (WL-1)", () => {
    expect(decidePriorityChange({ status: "assessed", priority: "P4" }, "P2")).toEqual({ ok: true, to: null });
    for (const status of ["operated", "cancelled", "first_line"] as const)
      expect(decidePriorityChange({ status, priority: "P3" }, "P2")).toMatchObject({
        ok: false,
        violation: { rule: "WL-1" },
      });
    expect(decidePriorityChange({ status: "listed_for_surgery", priority: null }, "P2")).toMatchObject({ ok: false });
    expect(decidePriorityChange({ status: "scheduled", priority: "P2" }, "P2")).toMatchObject({
      ok: false,
      violation: { rule: "WL-1", message: "The priority is already P2." },
    });
  });
});

describe("the referral-to-treatment clocks (WL-2)", () => {
  it("runs the admitted clock from listing to today and breaches after 126 days (WL-2)", () => {
    const open = { listedOn: "2026-01-01", operatedOn: null, cancelledOn: null };
    expect(admittedClock(open, "2026-05-07", policies)).toEqual({
      startedOn: "2026-01-01",
      stoppedOn: null,
      daysWaited: 126,
      weeksWaited: 18,
      breachOn: "2026-05-07",
      breached: false,
    });
    expect(admittedClock(open, "2026-05-08", policies)).toMatchObject({ daysWaited: 127, breached: true });
  });
  it("stops the admitted clock at the operation, or at the cancellation, whichever came first (WL-2)", () => {
    const operated = { listedOn: "2026-01-01", operatedOn: "2026-02-01", cancelledOn: null };
    expect(admittedClock(operated, "2026-12-01", policies)).toMatchObject({
      stoppedOn: "2026-02-01",
      daysWaited: 31,
      breached: false,
    });
    const cancelled = { listedOn: "2026-01-01", operatedOn: null, cancelledOn: "2026-01-15" };
    expect(admittedClock(cancelled, "2026-12-01", policies)).toMatchObject({
      stoppedOn: "2026-01-15",
      breached: false,
    });
  });
  it("runs the first clock from referral to the start of first-line treatment (WL-2)", () => {
    const referral = { referredOn: "2026-01-01", firstLineStartedOn: null, cancelledOn: null };
    expect(referralClock(referral, "2026-01-29", policies)).toMatchObject({ daysWaited: 28, weeksWaited: 4 });
    expect(referralClock({ ...referral, firstLineStartedOn: "2026-06-01" }, "2026-12-01", policies)).toMatchObject({
      stoppedOn: "2026-06-01",
      breachOn: "2026-05-07",
      breached: true,
    });
  });
  it("takes the target from the site's policy in weeks (WL-2)", () => {
    const twelveWeeks = policiesOf({ rttTargetWeeks: 12 });
    expect(
      admittedClock({ listedOn: "2026-01-01", operatedOn: null, cancelledOn: null }, "2026-01-02", twelveWeeks),
    ).toMatchObject({ breachOn: "2026-03-26" });
  });
  it("counts calendar days across clock changes and 29 February (WL-2)", () => {
    expect(
      admittedClock({ listedOn: "2028-02-28", operatedOn: null, cancelledOn: null }, "2028-03-26", policies),
    ).toMatchObject({ daysWaited: 27, breachOn: "2028-07-03" });
  });
  it("marks a waiting patient breached after the breach day and soon within 28 days of it (WL-2)", () => {
    expect(breachStanding("2026-12-01", "2026-12-02")).toBe("breached");
    expect(breachStanding("2026-12-01", "2026-12-01")).toBe("soon");
    expect(breachStanding("2026-12-29", "2026-12-01")).toBe("soon");
    expect(breachStanding("2026-12-30", "2026-12-01")).toBeNull();
  });
});

const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays("2026-01-01", n));
const key: fc.Arbitrary<WaitingListKey> = fc.record({
  priority: fc.constantFrom(...listingPriorities),
  breachOn: day,
  listedOn: day,
  caseId: fc.uuid(),
});

describe("the order of the waiting list (WL-3)", () => {
  it("is a total order: antisymmetric, transitive, zero only for equal keys (WL-3)", () => {
    fc.assert(
      fc.property(key, key, key, (a, b, c) => {
        expect(Math.sign(compareWaitingList(a, b))).toBe(-Math.sign(compareWaitingList(b, a)));
        if (compareWaitingList(a, b) <= 0 && compareWaitingList(b, c) <= 0)
          expect(compareWaitingList(a, c)).toBeLessThanOrEqual(0);
        expect(compareWaitingList(a, b) === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
  it("sorts the same whatever order the list arrives in: priority, breach, listing, case (WL-3)", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), (keys) => {
        const sorted = [...keys].sort(compareWaitingList);
        expect([...keys].reverse().sort(compareWaitingList)).toEqual(sorted);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          const rank = (k: WaitingListKey) => listingPriorities.indexOf(k.priority);
          expect(rank(a)).toBeLessThanOrEqual(rank(b));
          if (rank(a) === rank(b)) expect(a.breachOn <= b.breachOn).toBe(true);
        }
      }),
    );
  });
  it("puts P1 before an older P4 (WL-3)", () => {
    const p4 = { priority: "P4" as const, breachOn: "2026-03-01", listedOn: "2025-10-26", caseId: "a" };
    const p1 = { priority: "P1" as const, breachOn: "2027-04-01", listedOn: "2026-11-26", caseId: "b" };
    expect([p4, p1].sort(compareWaitingList)).toEqual([p1, p4]);
  });
});
