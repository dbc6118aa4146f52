import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPolicies } from "@/lib/domain/policies";
import { theatreCandidates, type WaitingEntry } from "@/lib/domain/theatre-candidates";
import { addDays, type Day } from "@/lib/domain/time";
import { compareWaitingList, listingPriorities } from "@/lib/domain/waiting-list";

const policies = defaultPolicies;
const freedOn: Day = "2027-02-28";
const around = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => addDays(freedOn, n));

const entry: fc.Arbitrary<WaitingEntry> = fc.record({
  key: fc.record({
    priority: fc.constantFrom(...listingPriorities),
    breachOn: around(-60, 200),
    listedOn: around(-300, 0),
    caseId: fc.uuid(),
  }),
  status: fc.constantFrom("listed_for_surgery", "assessed", "assessed", "assessed", "scheduled"),
  // Some assessments after the freed day, some long expired, most valid on it.
  assessments: fc.array(fc.record({ assessedOn: around(-150, 10), homeSupport: fc.boolean() }), { maxLength: 3 }),
  surgeon: fc.constantFrom("free", "free", "busy", "off"),
  patient: fc.constantFrom("free", "free", "busy"),
});
const entries = fc.uniqueArray(entry, { selector: (e) => e.key.caseId, maxLength: 25 });

/** SX-3 read straight from the protocol: the latest assessment on or before the day, within its validity. */
function assessmentOnTheDay(e: WaitingEntry) {
  const before = e.assessments
    .filter((a) => a.assessedOn <= freedOn)
    .sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1));
  const latest = before[0];
  return latest && freedOn <= addDays(latest.assessedOn, policies.assessmentValidityDays) ? latest : null;
}

describe("theatre candidates for freed time (WL-4)", () => {
  it("never offers a case without an assessment valid on the day (SX-3), nor a day case without help at home (SX-4, WL-4)", () => {
    fc.assert(
      fc.property(entries, fc.boolean(), (all, anaesthetistFree) => {
        for (const c of theatreCandidates(all, freedOn, anaesthetistFree, policies).candidates) {
          const assessment = assessmentOnTheDay(c);
          expect(assessment).not.toBeNull();
          expect(c.admission).toBe(assessment!.homeSupport ? "day_case" : "inpatient");
        }
      }),
    );
  });

  it("offers exactly the assessed cases whose surgeon, patient and an anaesthetist are free then (SC-1, SC-2)", () => {
    fc.assert(
      fc.property(entries, fc.boolean(), (all, anaesthetistFree) => {
        const { candidates, passedOver } = theatreCandidates(all, freedOn, anaesthetistFree, policies);
        const eligible = all.filter(
          (e) =>
            e.status === "assessed" &&
            assessmentOnTheDay(e) !== null &&
            e.surgeon === "free" &&
            e.patient === "free" &&
            anaesthetistFree,
        );
        expect(new Set(candidates.map((c) => c.key.caseId))).toEqual(new Set(eligible.map((e) => e.key.caseId)));
        expect(candidates.length + passedOver.length).toBe(all.length);
      }),
    );
  });

  it("lists candidates in waiting-list order (WL-3), the same whatever order the list came in", () => {
    fc.assert(
      fc.property(
        entries.chain((all) => fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length }))),
        ([all, shuffled]) => {
          const ids = (list: WaitingEntry[]) =>
            theatreCandidates(list, freedOn, true, policies).candidates.map((c) => c.key.caseId);
          const offered = theatreCandidates(all, freedOn, true, policies).candidates;
          for (let i = 1; i < offered.length; i++)
            expect(compareWaitingList(offered[i - 1]!.key, offered[i]!.key)).toBeLessThan(0);
          expect(ids(shuffled)).toEqual(ids(all));
        },
      ),
    );
  });

  it("admits an assessed patient without help at home as an inpatient rather than passing them over (SX-4)", () => {
    const alone: WaitingEntry = {
      key: { priority: "P2", breachOn: addDays(freedOn, 30), listedOn: addDays(freedOn, -96), caseId: "a" },
      status: "assessed",
      assessments: [{ assessedOn: addDays(freedOn, -20), homeSupport: false }],
      surgeon: "free",
      patient: "free",
    };
    expect(theatreCandidates([alone], freedOn, true, policies).candidates).toEqual([
      { ...alone, admission: "inpatient" },
    ]);
  });

  it("says why each other case is passed over, with the first rule that stops it", () => {
    const base: WaitingEntry = {
      key: { priority: "P3", breachOn: addDays(freedOn, 30), listedOn: addDays(freedOn, -96), caseId: "" },
      status: "assessed",
      assessments: [{ assessedOn: addDays(freedOn, -20), homeSupport: true }],
      surgeon: "free",
      patient: "free",
    };
    const named = (caseId: string, change: Partial<WaitingEntry>) => ({
      ...base,
      ...change,
      key: { ...base.key, caseId },
    });
    const { passedOver } = theatreCandidates(
      [
        named("1", { status: "scheduled" }),
        named("2", { status: "listed_for_surgery", assessments: [] }),
        named("3", { assessments: [{ assessedOn: addDays(freedOn, -91), homeSupport: true }] }),
        named("4", { assessments: [{ assessedOn: addDays(freedOn, 1), homeSupport: true }] }),
        named("5", { surgeon: "busy" }),
        named("6", { surgeon: "off" }),
        named("7", { patient: "busy" }),
      ],
      freedOn,
      true,
      policies,
    );
    expect(passedOver.map((p) => [p.key.caseId, p.reason])).toEqual([
      ["1", "already_booked"],
      ["2", "not_assessed"],
      ["3", "assessment_not_valid"],
      ["4", "assessment_not_valid"],
      ["5", "surgeon_busy"],
      ["6", "surgeon_off"],
      ["7", "patient_busy"],
    ]);
    expect(theatreCandidates([named("8", {})], freedOn, false, policies).passedOver[0]?.reason).toBe("no_anaesthetist");
  });
});
