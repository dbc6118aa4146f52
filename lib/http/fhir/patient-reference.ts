import type { ParsedSearch, SearchParameterDefinition } from "@/lib/fhir/search";

/** The `subject` and `patient` search parameters of a resource about one patient. */
export const patientReferenceParams: SearchParameterDefinition[] = [
  { name: "subject", type: "reference", documentation: "The patient: Patient/<id> or <id>." },
  { name: "patient", type: "reference", documentation: "The patient: Patient/<id> or <id> (the same as subject)." },
];

/**
 * The patient a search names through `subject` or `patient`: `{ patientId }` (undefined when
 * neither is given), or `"nothing"` when the two name different patients (no resource is about both).
 */
export function searchedPatient(search: ParsedSearch): { patientId?: string } | "nothing" {
  const { subject, patient } = search.references;
  if (subject && patient && subject !== patient) return "nothing";
  return { patientId: subject ?? patient };
}
