import { toFhirProcedure } from "@/lib/fhir/procedure";
import { getOperation, searchOperations } from "@/lib/services/operations";
import { patientReferenceParams, searchedPatient } from "./patient-reference";
import type { FhirResourceType } from "./resource-type";

export const procedureType: FhirResourceType = {
  type: "Procedure",
  documentation:
    "A recorded operation: the posterior ankle arthroscopy, its surgeon and anaesthetist, theatre, the ankle with laterality, the case's Condition as its reason, findings and anaesthesia given.",
  action: "case.readClinical",
  searchParams: patientReferenceParams,
  read: async (actor, id) => toFhirProcedure(await getOperation(actor, id)),
  search: async (actor, search) => {
    const patient = searchedPatient(search);
    if (patient === "nothing") return { resources: [], nextCursor: null };
    const page = await searchOperations(actor, patient, { limit: search.count, cursor: search.cursor });
    return { resources: page.items.map(toFhirProcedure), nextCursor: page.nextCursor };
  },
};
