import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { addDays, type Day } from "@/lib/domain/time";
import { painSeverityCode, toFhirObservation } from "@/lib/fhir/observation";
import { dateInterval } from "@/lib/fhir/search";
import { readPainScoreRecord, searchPainScoreRecords } from "@/lib/services/pain-scores";
import { searchedPatient } from "./patient-reference";
import type { FhirResourceType } from "./resource-type";

/** The first day whose start (UTC midnight, as `date` columns travel) is at or after `instant`. */
function dayAtOrAfter(instant: Date): Day {
  const day = dayOfColumn(instant);
  return dateColumn(day).getTime() === instant.getTime() ? day : addDays(day, 1);
}

export const observationType: FhirResourceType = {
  type: "Observation",
  documentation: `Pain scores (OC-1): a 0-10 pain severity of the operated ankle (LOINC ${painSeverityCode.code}) on the day it was recorded, by a clinician or reported by the patient, with its time point (referral, listing, pre-operative, 6 weeks, 3, 6, 12 months) when it has one.`,
  action: "outcome.read",
  searchParams: [
    {
      name: "subject",
      type: "reference",
      documentation: "The patient (Patient/<id> or <id>): scores of all their cases.",
    },
    { name: "patient", type: "reference", documentation: "The same as subject." },
    {
      name: "date",
      type: "date",
      days: true,
      documentation: "The day the score was given (YYYY-MM-DD, the site's calendar day), with eq, ge, gt, le or lt.",
    },
  ],
  read: async (actor, id) => toFhirObservation(await readPainScoreRecord(actor, id)),
  search: async (actor, search) => {
    const patient = searchedPatient(search);
    const recorded = dateInterval(search.dates.date, dateColumn);
    if (patient === "nothing" || (recorded.from && recorded.to && recorded.from >= recorded.to))
      return { resources: [], nextCursor: null };
    const page = await searchPainScoreRecords(
      actor,
      {
        patientId: patient.patientId,
        recordedFrom: recorded.from ? dayOfColumn(recorded.from) : undefined,
        recordedBefore: recorded.to ? dayAtOrAfter(recorded.to) : undefined,
      },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirObservation), nextCursor: page.nextCursor };
  },
};
