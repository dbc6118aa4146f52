import type { CodeableConcept, Condition } from "@medplum/fhirtypes";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-status";
import type { CaseDiagnosis } from "@/lib/services/diagnoses";
import { ankleOf } from "./body-site";
import { localSystem, system } from "./terminology";

/** The condition the pathway treats. No SNOMED CT concept was confirmed for it: a local code and text (unconfirmedCodes). */
const posteriorAnkleImpingement: CodeableConcept = {
  coding: [
    { system: localSystem("condition"), code: "posterior-ankle-impingement", display: "Posterior ankle impingement" },
  ],
  text: "Posterior ankle impingement",
};

/** HL7 condition-clinical codes, and the ones a case can have. */
export const clinicalStatusCodes = ["active", "recurrence", "relapse", "inactive", "remission", "resolved"] as const;
export type ClinicalStatusCode = (typeof clinicalStatusCodes)[number];

/**
 * The condition's clinical status in each pathway state: active while the pathway runs; resolved
 * when first-line treatment worked (FL-3, closed_resolved) or after the operation's follow-up
 * (discharged). A cancelled case stays active: cancelling stops the clinic's pathway (before any
 * operation) for reasons recorded as free text (the patient moved away, listed in error, ...),
 * and nothing in the record says the condition itself resolved or became inactive, so its last
 * known state is kept and the cancellation is stated in a note.
 */
export const clinicalStatusOf: Record<CaseStatus, "active" | "resolved"> = {
  referred: "active",
  diagnosed: "active",
  first_line: "active",
  listed_for_surgery: "active",
  assessed: "active",
  scheduled: "active",
  operated: "active",
  recovery: "active",
  discharged: "resolved",
  closed_resolved: "resolved",
  cancelled: "active",
};

/** The pathway states whose condition has clinical status `code` (none for the codes never sent). */
export const statusesWithClinicalStatus = (code: ClinicalStatusCode): CaseStatus[] =>
  caseStatuses.filter((status) => clinicalStatusOf[status] === code);

const clinicalDisplay: Record<"active" | "resolved", string> = { active: "Active", resolved: "Resolved" };

/**
 * A case as FHIR R4 Condition (id = the case's id): posterior ankle impingement of the case's
 * ankle (body site with laterality), a problem-list item; clinical status from the pathway state
 * (`clinicalStatusOf`); verification status provisional until an imaging study supported the
 * diagnosis or a diagnostic injection relieved the pain (DX-2, DX-3), then confirmed; recorded on
 * the referral day. The onset is not recorded by the clinic, so it is absent.
 */
export function toFhirCondition(diagnosis: CaseDiagnosis): Condition {
  const clinical = clinicalStatusOf[diagnosis.status];
  const confirmed = diagnosis.confirmedOn !== null;
  return {
    resourceType: "Condition",
    id: diagnosis.caseId,
    clinicalStatus: {
      coding: [{ system: system.conditionClinical, code: clinical, display: clinicalDisplay[clinical] }],
    },
    verificationStatus: {
      coding: [
        {
          system: system.conditionVerification,
          code: confirmed ? "confirmed" : "provisional",
          display: confirmed ? "Confirmed" : "Provisional",
        },
      ],
    },
    category: [
      { coding: [{ system: system.conditionCategory, code: "problem-list-item", display: "Problem List Item" }] },
    ],
    code: posteriorAnkleImpingement,
    bodySite: [ankleOf(diagnosis.side)],
    subject: { reference: `Patient/${diagnosis.patient.id}`, display: diagnosis.patient.name },
    recordedDate: diagnosis.referredOn,
    note: diagnosis.cancellation
      ? [
          {
            authorReference: { reference: `Practitioner/${diagnosis.cancellation.byId}` },
            time: diagnosis.cancellation.at,
            text: `The clinic's pathway for this condition was cancelled before surgery; the condition's state since then is not recorded. ${diagnosis.cancellation.reason}`,
          },
        ]
      : undefined,
  };
}
