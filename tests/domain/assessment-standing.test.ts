import { describe, expect, it } from "vitest";
import { assessmentStandings } from "@/lib/domain/assessment";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays } from "@/lib/domain/time";

const today = "2028-02-29";
const validity = defaultPolicies.assessmentValidityDays;
const assessed = (daysAgo: number, id = String(daysAgo)) => ({ id, assessedOn: addDays(today, -daysAgo) });

describe("which anaesthesia assessment applies today (SX-3)", () => {
  it("the newest assessment still valid is the current one; an older one still valid is superseded by it; one past its last valid day is expired (SX-3)", () => {
    const standings = assessmentStandings([assessed(validity + 1), assessed(40), assessed(3)], today, defaultPolicies);
    expect(standings.map((a) => [a.id, a.standing, a.validUntil])).toEqual([
      [String(validity + 1), "expired", addDays(today, -1)],
      ["40", "superseded", addDays(today, validity - 40)],
      ["3", "current", addDays(today, validity - 3)],
    ]);
  });

  it("an assessment is current on its last valid day and expired the day after (SX-3)", () => {
    expect(assessmentStandings([assessed(validity)], today, defaultPolicies)[0]).toMatchObject({
      standing: "current",
      validUntil: today,
    });
    expect(assessmentStandings([assessed(validity + 1)], today, defaultPolicies)[0]!.standing).toBe("expired");
  });

  it("of two assessments on one day the later recorded is current, whatever order they come in (SX-3)", () => {
    const standings = assessmentStandings(
      [
        { ...assessed(2, "later"), recordedAt: new Date(2) },
        { ...assessed(2, "earlier"), recordedAt: new Date(1) },
      ],
      today,
      defaultPolicies,
    );
    expect(Object.fromEntries(standings.map((a) => [a.id, a.standing]))).toEqual({
      later: "current",
      earlier: "superseded",
    });
  });

  it("with every assessment expired none is current, and a shorter clinic validity expires them sooner (SX-3)", () => {
    const standings = assessmentStandings([assessed(31), assessed(20)], today, {
      ...defaultPolicies,
      assessmentValidityDays: 30,
    });
    expect(standings.map((a) => a.standing)).toEqual(["expired", "current"]);
    expect(
      assessmentStandings([assessed(31)], today, { ...defaultPolicies, assessmentValidityDays: 30 })[0]!.standing,
    ).toBe("expired");
  });
});
