import { toFhirCarePlan } from "@/lib/fhir/care-plan";
import { readCarePlanRecord, searchCarePlanRecords } from "@/lib/services/care-plans";
import type { FhirResourceType } from "./resource-type";
import { searchedPatient } from "./patient-reference";

export const carePlanType: FhirResourceType = {
  type: "CarePlan",
  documentation:
    "A case's post-operative plan (id = case id): dressing visits, the crutch-weaning review, physiotherapy sessions and return to cycling, swimming and running, each with its scheduled days, status and booked Appointment.",
  action: "case.readClinical",
  searchParams: [
    {
      name: "subject",
      type: "reference",
      documentation: "The patient (Patient/<id> or <id>): plans of all their cases.",
    },
    { name: "patient", type: "reference", documentation: "The same as subject." },
  ],
  read: async (actor, id) => toFhirCarePlan(await readCarePlanRecord(actor, id)),
  search: async (actor, search) => {
    const patient = searchedPatient(search);
    if (patient === "nothing") return { resources: [], nextCursor: null };
    const page = await searchCarePlanRecords(
      actor,
      { patientId: patient.patientId },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirCarePlan), nextCursor: page.nextCursor };
  },
};
