import type { ParsedSearch } from "@/lib/fhir/search";

/**
 * The patient a search names by `subject` and/or `patient` (both reference a Patient): its id,
 * none when neither is given, or `nothing` when the two name different patients (no match).
 */
export function patientOfSearch(search: ParsedSearch): { id?: string; nothing?: boolean } {
  const { subject, patient } = search.references;
  if (subject && patient && subject !== patient) return { nothing: true };
  return { id: subject ?? patient };
}
