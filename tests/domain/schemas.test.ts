import { describe, expect, it } from "vitest";
import { birthDateProblem, patientInput } from "@/lib/schemas/patient";
import { caseInput, clearanceInput, courseInput, imagingInput, reviewInput } from "@/lib/schemas/case";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("pathway input schemas", () => {
  it("accepts only the protocol's imaging modalities (DX-1)", () => {
    const study = { modality: "mri", performedOn: "2026-01-10", findings: "Os trigonum", supportsDiagnosis: true };
    expect(imagingInput.safeParse(study).success).toBe(true);
    expect(issues(imagingInput.safeParse({ ...study, modality: "ultrasound" }))).toEqual([
      "modality: DX-1: imaging is xray_nwb, mri, ct, ct_arthrogram or bone_scan",
    ]);
    expect(issues(imagingInput.safeParse({ ...study, findings: " " }))).toEqual(["findings: Required"]);
  });
  it("records the mechanism and symptoms of a referral (DX-4)", () => {
    const referral = {
      patientId: "7d0f4a56-1d1e-4b5a-9a55-2f1a6f0c1e11",
      side: "left",
      mechanism: "microtrauma",
      symptoms: { plantarFlexionPain: true, onset: "delayed", triggers: "Relevé" },
    };
    expect(caseInput.safeParse(referral).success).toBe(true);
    expect(issues(caseInput.safeParse({ ...referral, mechanism: "fall" }))).toEqual([
      "mechanism: DX-4: the mechanism is traumatic, microtrauma or unknown",
    ]);
  });
  it("needs at least one first-line measure (FL-1)", () => {
    expect(issues(courseInput.safeParse({ startedOn: "2026-01-10", painSeverity: "mild", measures: [] }))).toEqual([
      "measures: FL-1: choose at least one measure",
    ]);
  });
  it("accepts only resolved, partly worked or failed as a review (FL-3)", () => {
    expect(reviewInput.safeParse({ reviewedOn: "2026-01-10", outcome: "partly_worked" }).success).toBe(true);
    expect(issues(reviewInput.safeParse({ reviewedOn: "2026-01-10", outcome: "better" }))).toEqual([
      "outcome: FL-3: the outcome is resolved, partly_worked or failed",
    ]);
  });
  it("names the sport of an 'other' clearance, and only then (PO-6)", () => {
    expect(clearanceInput.safeParse({ activity: "other", clearedOn: "2026-01-10", sport: "Ballet" }).success).toBe(
      true,
    );
    expect(clearanceInput.safeParse({ activity: "other", clearedOn: "2026-01-10" }).success).toBe(false);
    expect(clearanceInput.safeParse({ activity: "running", clearedOn: "2026-01-10", sport: "Ballet" }).success).toBe(
      false,
    );
  });
});

describe("patient schemas", () => {
  it("leaves 'not in the future' to the site's calendar day: a birth date may be today there, not tomorrow", () => {
    expect(
      patientInput.safeParse({ givenName: "A", familyName: "B", birthDate: "2999-01-01", sex: "female" }).success,
    ).toBe(true);
    expect(
      patientInput.safeParse({ givenName: "A", familyName: "B", birthDate: "1899-12-31", sex: "female" }).success,
    ).toBe(false);
    expect(birthDateProblem("2026-07-16", "2026-07-16")).toBeNull();
    expect(birthDateProblem("2026-07-17", "2026-07-16")).toBe("Cannot be in the future");
  });
});
