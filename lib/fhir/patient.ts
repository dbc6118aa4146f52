import type { Patient as FhirPatient } from "@medplum/fhirtypes";
import type { Patient } from "@/lib/schemas/patient";
import { listOrAbsent } from "./elements";
import { system } from "./terminology";

/** The NHS England ODS code system: a GP practice's organisation code. */
const odsOrganisationCode = "https://fhir.nhs.uk/Id/ods-organization-code";
/** HL7 v2 table 0131 (contact role): N, next of kin. */
const contactRole = "http://terminology.hl7.org/CodeSystem/v2-0131";
/** R4 core extension: whether the patient needs an interpreter. */
const interpreterRequired = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";

/**
 * A registered patient (the /api/v1 patient record) as FHIR R4 Patient: identifiers MRN (type MR)
 * and NHS number, the name, administrative gender, birth date, phone and email, home address,
 * GP practice (by ODS code), next of kin, preferred language and whether an interpreter is needed.
 */
export function toFhirPatient(patient: Patient): FhirPatient {
  return {
    resourceType: "Patient",
    id: patient.id,
    meta: { lastUpdated: patient.updatedAt },
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: system.v2IdentifierType, code: "MR", display: "Medical record number" }] },
        system: system.mrn,
        value: patient.mrn,
      },
      ...(patient.nhsNumber ? [{ use: "official" as const, system: system.nhsNumber, value: patient.nhsNumber }] : []),
    ],
    active: true,
    name: [
      {
        use: "official",
        text: `${patient.givenName} ${patient.familyName}`,
        family: patient.familyName,
        given: [patient.givenName],
      },
    ],
    gender: patient.sex,
    birthDate: patient.birthDate,
    telecom: listOrAbsent([
      ...(patient.phone ? [{ system: "phone" as const, value: patient.phone }] : []),
      ...(patient.email ? [{ system: "email" as const, value: patient.email }] : []),
    ]),
    address: patient.address
      ? [
          {
            use: "home",
            line: [patient.address.line1, ...(patient.address.line2 ? [patient.address.line2] : [])],
            city: patient.address.town,
            postalCode: patient.address.postcode,
          },
        ]
      : undefined,
    generalPractitioner: patient.gpPractice
      ? [
          {
            display: patient.gpPractice.name,
            ...(patient.gpPractice.odsCode
              ? { identifier: { system: odsOrganisationCode, value: patient.gpPractice.odsCode } }
              : {}),
          },
        ]
      : undefined,
    contact: patient.nextOfKin
      ? [
          {
            relationship: [
              { coding: [{ system: contactRole, code: "N", display: "Next-of-Kin" }] },
              { text: patient.nextOfKin.relationship },
            ],
            name: { text: patient.nextOfKin.name },
            telecom: patient.nextOfKin.phone ? [{ system: "phone", value: patient.nextOfKin.phone }] : undefined,
          },
        ]
      : undefined,
    communication: patient.preferredLanguage
      ? [{ language: { text: patient.preferredLanguage }, preferred: true }]
      : undefined,
    extension: patient.interpreterNeeded ? [{ url: interpreterRequired, valueBoolean: true }] : undefined,
  };
}
