import type { Observation } from "@medplum/fhirtypes";
import type { PainTimepoint } from "@/lib/domain/vocabulary";
import type { PainScoreRecord } from "@/lib/services/pain-scores";
import { localSystem, system } from "./terminology";

/** LOINC's 0-10 verbal numeric rating of pain severity, as reported (OC-1's 0-10 score). */
export const painSeverityCode = {
  system: system.loinc,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
} as const;

/** The product's own code for the OC-1 time point a score was given for (no standard code confirmed). */
export const painTimepointSystem = localSystem("pain-time-point");

const timepointDisplay: Record<PainTimepoint, string> = {
  referral: "At referral",
  listing: "At listing for surgery",
  pre_op: "Before the operation (within 30 days)",
  week_6: "6 weeks after the operation",
  month_3: "3 months after the operation",
  month_6: "6 months after the operation",
  month_12: "12 months after the operation",
};

/**
 * A pain score (OC-1) as FHIR R4 Observation: status final, category survey (HL7
 * observation-category), code LOINC 72514-3, valueInteger 0-10, effective on the recorded
 * calendar day (YYYY-MM-DD, the site's), issued when it was recorded. The performer is the staff
 * member who recorded it (Practitioner) or, for a score the patient reported, the Patient. `focus`
 * names the case (Condition/<caseId>): a patient with both ankles treated has two cases, and the
 * score is of one operated ankle. The OC-1 time point, when the score has one, is a component
 * with a local code: it qualifies the score for the outcome measures (OC-4), which a free-text note
 * would not let another system read; an untimed patient-reported score has none.
 */
export function toFhirObservation(score: PainScoreRecord): Observation {
  const timepoint = score.timepoint;
  return {
    resourceType: "Observation",
    id: score.id,
    meta: { lastUpdated: score.recordedAt.toISOString() },
    status: "final",
    category: [{ coding: [{ system: system.observationCategory, code: "survey", display: "Survey" }], text: "Survey" }],
    code: { coding: [{ ...painSeverityCode }], text: "Pain severity (0-10) of the operated ankle" },
    subject: { reference: `Patient/${score.patientId}` },
    focus: [{ reference: `Condition/${score.caseId}` }],
    effectiveDateTime: score.recordedOn,
    issued: score.recordedAt.toISOString(),
    performer: [
      score.source === "patient" || !score.recordedById
        ? { reference: `Patient/${score.patientId}`, display: "Reported by the patient" }
        : { reference: `Practitioner/${score.recordedById}` },
    ],
    valueInteger: score.score,
    component: timepoint
      ? [
          {
            code: {
              coding: [{ system: localSystem("pain-score-component"), code: "time-point", display: "Time point" }],
              text: "Time point of the pathway's outcome measures (OC-1)",
            },
            valueCodeableConcept: {
              coding: [{ system: painTimepointSystem, code: timepoint, display: timepointDisplay[timepoint] }],
              text: timepointDisplay[timepoint],
            },
          },
        ]
      : undefined,
  };
}
