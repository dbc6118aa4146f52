import { describe, expect, it } from "vitest";
import { admissionFor } from "@/lib/domain/assessment";
import type { Decision } from "@/lib/domain/case-decision";
import {
  decideAssessment,
  decideCancellation,
  decideClearance,
  decideDischarge,
  decideCourseReview,
  decideCrutchWeaning,
  decideDiagnosticInjection,
  decideFirstLineCourse,
  decideImaging,
  decideListing,
  decideOperation,
  decideReferral,
  type CaseSnapshot,
} from "@/lib/domain/pathway";
import { defaultPolicies } from "@/lib/domain/policies";
import { referredCase } from "../setup/snapshot";

const today = "2026-11-27";
const base: CaseSnapshot = referredCase;
const diagnosed: CaseSnapshot = {
  ...base,
  status: "diagnosed",
  imaging: [{ performedOn: "2026-01-10", supportsDiagnosis: true }],
};
const inFirstLine: CaseSnapshot = {
  ...diagnosed,
  status: "first_line",
  courses: [{ id: "c1", startedOn: "2026-01-15", outcome: null, reviewedOn: null }],
};
const failedCourse: CaseSnapshot = {
  ...inFirstLine,
  courses: [{ id: "c1", startedOn: "2026-01-15", outcome: "failed", reviewedOn: "2026-03-01" }],
};
const listed: CaseSnapshot = { ...failedCourse, status: "listed_for_surgery", listing: { listedOn: "2026-03-05" } };
const assessed: CaseSnapshot = {
  ...listed,
  status: "assessed",
  assessments: [{ assessedOn: "2026-10-01", anaesthesiaType: "locoregional", homeSupport: true }],
};
const operated: CaseSnapshot = { ...assessed, status: "operated", operation: { operationDay: "2026-09-01" } };

const refusedWith = (decision: Decision) => (decision.ok ? null : decision.violation.rule);
const movesTo = (decision: Decision) => (decision.ok ? decision.to : `refused ${decision.violation.rule}`);

describe("referral", () => {
  it("opens a case referred today or earlier, never later (PW-1)", () => {
    expect(movesTo(decideReferral({ referredOn: "2026-11-01" }, today))).toBe("referred");
    expect(refusedWith(decideReferral({ referredOn: "2026-11-28" }, today))).toBe("PW-1");
  });
});

describe("diagnosis", () => {
  it("imaging that supports the diagnosis moves a referred case to diagnosed (DX-1, DX-3)", () => {
    expect(movesTo(decideImaging(base, { performedOn: "2026-01-10", supportsDiagnosis: true }, today))).toBe(
      "diagnosed",
    );
    expect(movesTo(decideImaging(base, { performedOn: "2026-01-10", supportsDiagnosis: false }, today))).toBeNull();
  });
  it("refuses imaging dated in the future (PW-1)", () => {
    expect(refusedWith(decideImaging(base, { performedOn: "2026-11-28", supportsDiagnosis: true }, today))).toBe(
      "PW-1",
    );
  });
  it("refuses a diagnostic injection before any imaging (DX-2)", () => {
    expect(refusedWith(decideDiagnosticInjection(base, { performedOn: "2026-02-01", painRelieved: true }, today))).toBe(
      "DX-2",
    );
  });
  it("refuses a diagnostic injection once imaging confirmed the diagnosis (DX-2)", () => {
    expect(
      refusedWith(decideDiagnosticInjection(diagnosed, { performedOn: "2026-02-01", painRelieved: true }, today)),
    ).toBe("DX-2");
  });
  it("allows a diagnostic injection after inconclusive imaging; relief confirms the diagnosis (DX-2, DX-3)", () => {
    const inconclusive = { ...base, imaging: [{ performedOn: "2026-01-10", supportsDiagnosis: false }] };
    expect(
      movesTo(decideDiagnosticInjection(inconclusive, { performedOn: "2026-02-01", painRelieved: true }, today)),
    ).toBe("diagnosed");
    expect(
      movesTo(decideDiagnosticInjection(inconclusive, { performedOn: "2026-02-01", painRelieved: false }, today)),
    ).toBeNull();
  });
  it("refuses an injection dated before the first imaging (PW-2)", () => {
    const inconclusive = { ...base, imaging: [{ performedOn: "2026-01-10", supportsDiagnosis: false }] };
    expect(
      refusedWith(decideDiagnosticInjection(inconclusive, { performedOn: "2026-01-09", painRelieved: true }, today)),
    ).toBe("PW-2");
  });
});

describe("first-line treatment", () => {
  const course = {
    startedOn: "2026-01-15",
    painSeverity: "moderate" as const,
    measures: ["analgesics" as const, "strapping" as const],
  };
  it("refuses a course before the diagnosis is confirmed (DX-3)", () => {
    expect(refusedWith(decideFirstLineCourse(base, course, today))).toBe("DX-3");
  });
  it("starts first-line treatment on a diagnosed case (FL-1)", () => {
    expect(movesTo(decideFirstLineCourse(diagnosed, course, today))).toBe("first_line");
  });
  it("refuses a course without measures, or while the last one is unreviewed (FL-1)", () => {
    expect(refusedWith(decideFirstLineCourse(diagnosed, { ...course, measures: [] }, today))).toBe("FL-1");
    expect(refusedWith(decideFirstLineCourse(inFirstLine, course, today))).toBe("FL-1");
  });
  it("refuses immobilisation unless the pain is severe, and allows it when severe (FL-2)", () => {
    const immobilised = { ...course, measures: ["immobilisation" as const] };
    expect(refusedWith(decideFirstLineCourse(diagnosed, immobilised, today))).toBe("FL-2");
    expect(movesTo(decideFirstLineCourse(diagnosed, { ...immobilised, painSeverity: "severe" }, today))).toBe(
      "first_line",
    );
  });
  it("refuses a course dated before the diagnosis (PW-2)", () => {
    expect(refusedWith(decideFirstLineCourse(diagnosed, { ...course, startedOn: "2026-01-01" }, today))).toBe("PW-2");
  });
  it("a resolved review closes the case; partly worked or failed keeps it open (FL-3)", () => {
    expect(
      movesTo(decideCourseReview(inFirstLine, "c1", { reviewedOn: "2026-03-01", outcome: "resolved" }, today)),
    ).toBe("closed_resolved");
    expect(
      movesTo(decideCourseReview(inFirstLine, "c1", { reviewedOn: "2026-03-01", outcome: "partly_worked" }, today)),
    ).toBeNull();
  });
  it("refuses a second review of the same course (FL-3)", () => {
    expect(
      refusedWith(decideCourseReview(failedCourse, "c1", { reviewedOn: "2026-03-02", outcome: "resolved" }, today)),
    ).toBe("FL-3");
  });
});

describe("surgery", () => {
  it("refuses listing while no course has failed or partly worked (SX-1)", () => {
    expect(refusedWith(decideListing(inFirstLine, { listedOn: "2026-03-05" }, today))).toBe("SX-1");
    expect(refusedWith(decideListing(diagnosed, { listedOn: "2026-03-05" }, today))).toBe("SX-1");
  });
  it("lists a case after a failed course (SX-1)", () => {
    expect(movesTo(decideListing(failedCourse, { listedOn: "2026-03-05" }, today))).toBe("listed_for_surgery");
  });
  it("refuses a listing dated before the review (PW-2)", () => {
    expect(refusedWith(decideListing(failedCourse, { listedOn: "2026-02-01" }, today))).toBe("PW-2");
  });
  it("records an assessment on a listed case, not on one that is not listed (PW-3)", () => {
    expect(movesTo(decideAssessment(listed, { assessedOn: "2026-10-01" }, today))).toBe("assessed");
    expect(refusedWith(decideAssessment(failedCourse, { assessedOn: "2026-10-01" }, today))).toBe("PW-3");
  });
  it("refuses an operation without an anaesthesia assessment (SX-2)", () => {
    expect(
      refusedWith(
        decideOperation(listed, { operationDay: "2026-10-10", anaesthesiaGiven: "general" }, today, defaultPolicies),
      ),
    ).toBe("SX-2");
  });
  it("refuses an operation before the assessment or after its 90 days, allows it inside (SX-3)", () => {
    const op = (operationDay: string) =>
      decideOperation(assessed, { operationDay, anaesthesiaGiven: "locoregional" }, "2027-06-01", defaultPolicies);
    expect(refusedWith(op("2026-09-30"))).toBe("SX-3");
    expect(refusedWith(op("2026-12-31"))).toBe("SX-3");
    expect(movesTo(op("2026-12-30"))).toBe("operated");
    expect(movesTo(op("2026-10-01"))).toBe("operated");
  });
  it("follows a site's own assessment validity (SX-3)", () => {
    const decision = decideOperation(
      assessed,
      { operationDay: "2026-10-20", anaesthesiaGiven: "locoregional" },
      today,
      { ...defaultPolicies, assessmentValidityDays: 14 },
    );
    expect(refusedWith(decision)).toBe("SX-3");
  });
  it("admits as a day case only with help at home (SX-4)", () => {
    expect(admissionFor({ homeSupport: true })).toBe("day_case");
    expect(admissionFor({ homeSupport: false })).toBe("inpatient");
  });
  it("refuses a change of anaesthesia without a reason, allows it with one (SX-5)", () => {
    const input = { operationDay: "2026-10-10", anaesthesiaGiven: "general" as const };
    expect(refusedWith(decideOperation(assessed, input, today, defaultPolicies))).toBe("SX-5");
    expect(
      movesTo(decideOperation(assessed, { ...input, anaesthesiaChangeReason: "Block failed" }, today, defaultPolicies)),
    ).toBe("operated");
  });
  it("recording the operation moves the case to operated, where the plan is generated (SX-6)", () => {
    expect(
      movesTo(
        decideOperation(
          assessed,
          { operationDay: "2026-10-10", anaesthesiaGiven: "locoregional" },
          today,
          defaultPolicies,
        ),
      ),
    ).toBe("operated");
  });
  it("refuses an operation dated in the future (PW-1)", () => {
    expect(
      refusedWith(
        decideOperation(
          assessed,
          { operationDay: "2026-11-28", anaesthesiaGiven: "locoregional" },
          today,
          defaultPolicies,
        ),
      ),
    ).toBe("PW-1");
  });
});

describe("after the operation", () => {
  it("refuses crutch weaning before D10 and allows it from D10, starting the recovery (PO-1)", () => {
    expect(refusedWith(decideCrutchWeaning(operated, { recordedOn: "2026-09-10" }, today))).toBe("PO-1");
    expect(movesTo(decideCrutchWeaning(operated, { recordedOn: "2026-09-11" }, today))).toBe("recovery");
    expect(
      movesTo(decideCrutchWeaning({ ...operated, status: "recovery" }, { recordedOn: "2026-09-11" }, today)),
    ).toBeNull();
    expect(
      refusedWith(
        decideCrutchWeaning({ ...operated, crutchesWeanedOn: "2026-09-11" }, { recordedOn: "2026-09-12" }, today),
      ),
    ).toBe("PW-3");
  });
  it("refuses cycling and swimming before D21 and allows them from D21 (PO-6)", () => {
    expect(refusedWith(decideClearance(operated, { activity: "cycling", clearedOn: "2026-09-21" }, today))).toBe(
      "PO-6",
    );
    expect(movesTo(decideClearance(operated, { activity: "swimming", clearedOn: "2026-09-22" }, today))).toBe(
      "recovery",
    );
  });
  it("refuses running before D0 + 2 months and allows it from then (PO-6)", () => {
    expect(refusedWith(decideClearance(operated, { activity: "running", clearedOn: "2026-10-31" }, today))).toBe(
      "PO-6",
    );
    expect(
      movesTo(
        decideClearance({ ...operated, status: "recovery" }, { activity: "running", clearedOn: "2026-11-01" }, today),
      ),
    ).toBeNull();
  });
  it("refuses a clearance before any operation (PW-3)", () => {
    expect(refusedWith(decideClearance(assessed, { activity: "running", clearedOn: "2026-11-01" }, today))).toBe(
      "PW-3",
    );
  });
});

describe("closing a case", () => {
  it("cancels a case before its operation, not after (PW-3)", () => {
    expect(movesTo(decideCancellation(listed, { reason: "Patient declined surgery" }))).toBe("cancelled");
    expect(refusedWith(decideCancellation(operated, { reason: "x" }))).toBe("PW-3");
  });
  it("discharges an operated case, not before its operation day nor before the operation (PW-2, PW-3)", () => {
    expect(movesTo(decideDischarge({ ...operated, status: "recovery" }, { dischargedOn: "2026-11-20" }, today))).toBe(
      "discharged",
    );
    expect(refusedWith(decideDischarge(operated, { dischargedOn: "2026-08-31" }, today))).toBe("PW-2");
    expect(refusedWith(decideDischarge(assessed, { dischargedOn: "2026-11-20" }, today))).toBe("PW-3");
  });
});
