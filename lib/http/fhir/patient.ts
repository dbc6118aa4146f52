import { toFhirPatient } from "@/lib/fhir/patient";
import { system } from "@/lib/fhir/terminology";
import { dateInterval } from "@/lib/fhir/search";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { getPatient, searchPatientsByField, type PatientFieldSearch } from "@/lib/services/patients";
import type { FhirResourceType } from "./resource-type";

/** The identifier token as a field search: an NHS number, an MRN, either (no system), or nothing (another system). */
function identifierSearch(token: { system: string | null; code: string } | undefined): PatientFieldSearch {
  if (!token) return {};
  if (token.system === null) return { anyIdentifier: token.code };
  if (token.system === system.nhsNumber) return { nhsNumber: token.code };
  if (token.system === system.mrn) return { mrn: token.code };
  return { nothing: true };
}

export const patientType: FhirResourceType = {
  type: "Patient",
  documentation:
    "A registered patient: MRN and NHS number, name, gender, birth date, contact details, GP practice, next of kin.",
  action: "patient.read",
  searchParams: [
    {
      name: "identifier",
      type: "token",
      documentation: `The MRN (${system.mrn}) or NHS number (${system.nhsNumber}); without a system, either.`,
    },
    {
      name: "name",
      type: "string",
      documentation: "Words that each start a part of the name (case and accents ignored).",
    },
    {
      name: "birthdate",
      type: "date",
      days: true,
      documentation: "The birth date (YYYY-MM-DD), with eq, ge, gt, le or lt.",
    },
  ],
  read: async (actor, id) => toFhirPatient(await getPatient(actor, id)),
  search: async (actor, search) => {
    const born = dateInterval(search.dates.birthdate, dateColumn);
    const page = await searchPatientsByField(
      actor,
      {
        ...identifierSearch(search.tokens.identifier),
        name: search.strings.name,
        bornFrom: born.from ? dayOfColumn(born.from) : undefined,
        bornBefore: born.to ? dayOfColumn(born.to) : undefined,
      },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirPatient), nextCursor: page.nextCursor };
  },
};
