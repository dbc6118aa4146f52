// The patient form's values: one string (or tick) per input, turned into the API's input with
// its sections (address, GP practice, next of kin, contact) and back.
import type { Patient, PatientInput } from "@/lib/schemas/patient";

export type Values = {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  phone: string;
  email: string;
  nhsNumber: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  gpName: string;
  gpOdsCode: string;
  kinName: string;
  kinRelationship: string;
  kinPhone: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  contactEmail: boolean;
  contactSms: boolean;
  contactPost: boolean;
};

export const emptyValues: Values = {
  givenName: "",
  familyName: "",
  birthDate: "",
  sex: "",
  phone: "",
  email: "",
  nhsNumber: "",
  addressLine1: "",
  addressLine2: "",
  town: "",
  postcode: "",
  gpName: "",
  gpOdsCode: "",
  kinName: "",
  kinRelationship: "",
  kinPhone: "",
  preferredLanguage: "",
  interpreterNeeded: false,
  contactEmail: false,
  contactSms: false,
  contactPost: false,
};

export function valuesOf(patient: Patient): Values {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.phone ?? "",
    email: patient.email ?? "",
    nhsNumber: patient.nhsNumber ?? "",
    addressLine1: patient.address?.line1 ?? "",
    addressLine2: patient.address?.line2 ?? "",
    town: patient.address?.town ?? "",
    postcode: patient.address?.postcode ?? "",
    gpName: patient.gpPractice?.name ?? "",
    gpOdsCode: patient.gpPractice?.odsCode ?? "",
    kinName: patient.nextOfKin?.name ?? "",
    kinRelationship: patient.nextOfKin?.relationship ?? "",
    kinPhone: patient.nextOfKin?.phone ?? "",
    preferredLanguage: patient.preferredLanguage ?? "",
    interpreterNeeded: patient.interpreterNeeded,
    contactEmail: patient.contact.email,
    contactSms: patient.contact.sms,
    contactPost: patient.contact.post,
  };
}

const anyTyped = (...texts: string[]) => texts.some((t) => t.trim() !== "");

/** The API's input (before its schema checks it): a section none of whose inputs is filled in is null. */
export function inputOf(v: Values): Record<keyof PatientInput, unknown> {
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    birthDate: v.birthDate,
    sex: v.sex,
    phone: v.phone,
    email: v.email,
    nhsNumber: v.nhsNumber,
    address: anyTyped(v.addressLine1, v.addressLine2, v.town, v.postcode)
      ? { line1: v.addressLine1, line2: v.addressLine2, town: v.town, postcode: v.postcode }
      : null,
    gpPractice: anyTyped(v.gpName, v.gpOdsCode) ? { name: v.gpName, odsCode: v.gpOdsCode } : null,
    nextOfKin: anyTyped(v.kinName, v.kinRelationship, v.kinPhone)
      ? { name: v.kinName, relationship: v.kinRelationship, phone: v.kinPhone }
      : null,
    preferredLanguage: v.preferredLanguage,
    interpreterNeeded: v.interpreterNeeded,
    contact: { email: v.contactEmail, sms: v.contactSms, post: v.contactPost },
  };
}

// A field error's path in the API's input ("address.postcode") -> the input that shows it.
const inputOfPath: Record<string, keyof Values> = {
  "address.line1": "addressLine1",
  "address.line2": "addressLine2",
  "address.town": "town",
  "address.postcode": "postcode",
  "gpPractice.name": "gpName",
  "gpPractice.odsCode": "gpOdsCode",
  "nextOfKin.name": "kinName",
  "nextOfKin.relationship": "kinRelationship",
  "nextOfKin.phone": "kinPhone",
};

/** The form input an error at `path` belongs to. */
export const fieldOfPath = (path: string): string => inputOfPath[path] ?? path.split(".")[0]!;
