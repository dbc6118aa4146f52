import { validationError } from "@/lib/domain/errors";
import {
  clinicalStatusCodes,
  statusesWithClinicalStatus,
  toFhirCondition,
  type ClinicalStatusCode,
} from "@/lib/fhir/condition";
import type { TokenValue } from "@/lib/fhir/search";
import { system } from "@/lib/fhir/terminology";
import { getDiagnosis, searchDiagnoses } from "@/lib/services/diagnoses";
import type { CaseStatus } from "@/lib/domain/case-status";
import { patientReferenceParams, searchedPatient } from "./patient-reference";
import type { FhirResourceType } from "./resource-type";

const isClinicalStatus = (code: string): code is ClinicalStatusCode =>
  (clinicalStatusCodes as readonly string[]).includes(code);

/**
 * The pathway states a clinical-status token matches: undefined without one, none for another
 * code system. Throws `invalid` at `clinical-status` for a code HL7 condition-clinical lacks.
 */
function statusesOf(token: TokenValue | undefined): CaseStatus[] | undefined {
  if (!token) return undefined;
  if (!isClinicalStatus(token.code))
    throw validationError([
      { path: "clinical-status", message: `One of ${clinicalStatusCodes.join(", ")} (HL7 condition-clinical)` },
    ]);
  if (token.system !== null && token.system !== system.conditionClinical) return [];
  return statusesWithClinicalStatus(token.code);
}

export const conditionType: FhirResourceType = {
  type: "Condition",
  documentation:
    "A case: posterior ankle impingement of one ankle (body site with laterality), its clinical status from the pathway state (a cancelled case stays active, with a note) and its verification (confirmed by imaging or a diagnostic injection).",
  action: "case.readClinical",
  searchParams: [
    ...patientReferenceParams,
    {
      name: "clinical-status",
      type: "token",
      documentation: `The clinical status (${system.conditionClinical}): active or resolved.`,
    },
  ],
  read: async (actor, id) => toFhirCondition(await getDiagnosis(actor, id)),
  search: async (actor, search) => {
    const statuses = statusesOf(search.tokens["clinical-status"]);
    const patient = searchedPatient(search);
    if (patient === "nothing") return { resources: [], nextCursor: null };
    const page = await searchDiagnoses(
      actor,
      { patientId: patient.patientId, statuses },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirCondition), nextCursor: page.nextCursor };
  },
};
