import { validationError } from "@/lib/domain/errors";
import { instantAt } from "@/lib/domain/time";
import { fhirAppointmentStatuses, storedStateOf, toFhirAppointment } from "@/lib/fhir/appointment";
import { dateInterval, type TokenValue } from "@/lib/fhir/search";
import { system } from "@/lib/fhir/terminology";
import { getAppointmentRecord, searchAppointmentsByStart, type AppointmentStartSearch } from "@/lib/services/calendar";
import type { FhirResourceType } from "./resource-type";

/**
 * The status token as stored terms: undefined for any status, null when nothing can match (another
 * system, or an AppointmentStatus code this server never gives). Throws `invalid` VALIDATION at
 * `status` for a code R4's AppointmentStatus does not have.
 */
function statusSearch(token: TokenValue | undefined): AppointmentStartSearch["state"] | null {
  if (!token) return undefined;
  const state = storedStateOf(token.code);
  if (state === undefined)
    throw validationError([
      { path: "status", message: `An AppointmentStatus code (${fhirAppointmentStatuses.join(", ")})` },
    ]);
  if (token.system !== null && token.system !== system.appointmentStatus) return null;
  return state;
}

export const appointmentType: FhirResourceType = {
  type: "Appointment",
  documentation:
    "A booked appointment: its kind, start and end, status (from its attendance once marked) and participants: the patient, the clinician, the anaesthetist of an arthroscopy and the room. A search naming neither a patient nor a practitioner covers the signed-in staff member's site.",
  action: "appointment.read",
  searchParams: [
    { name: "patient", type: "reference", documentation: "The patient (Patient/<id>, or the id alone)." },
    {
      name: "practitioner",
      type: "reference",
      documentation: "The clinician or the anaesthetist (Practitioner/<id>, or the id alone).",
    },
    {
      name: "date",
      type: "date",
      documentation:
        "The start, with eq, ge, gt, le or lt; a day (YYYY-MM-DD) is a calendar day in the site's time zone.",
    },
    {
      name: "status",
      type: "token",
      documentation: `An AppointmentStatus code (${system.appointmentStatus}): booked, arrived, fulfilled, noshow or cancelled.`,
    },
  ],
  referenceTargets: { practitioner: "Practitioner" },
  read: async (actor, id) => toFhirAppointment(await getAppointmentRecord(actor, id)),
  search: async (actor, search) => {
    const state = statusSearch(search.tokens.status);
    if (state === null) return { resources: [], nextCursor: null };
    const page = await searchAppointmentsByStart(
      actor,
      {
        patientId: search.references.patient,
        practitionerId: search.references.practitioner,
        state,
        startsWithin: (timeZone) => dateInterval(search.dates.date, (day) => instantAt(day, 0, 0, timeZone)),
      },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirAppointment), nextCursor: page.nextCursor };
  },
};
