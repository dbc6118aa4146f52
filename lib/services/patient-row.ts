// A patient row as the services read it (raw SQL aliases its columns to the Prisma model's
// field names, so a row from either presents the same way) and the columns an input writes.
import { Prisma } from "@/lib/db/generated/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import type { Patient, PatientPatch } from "@/lib/schemas/patient";

export type PatientRow = {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: Date;
  sex: Patient["sex"];
  phone: string | null;
  email: string | null;
  nhsNumber: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  gpPracticeName: string | null;
  gpPracticeOdsCode: string | null;
  nextOfKinName: string | null;
  nextOfKinRelationship: string | null;
  nextOfKinPhone: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  contactByEmail: boolean;
  contactBySms: boolean;
  contactByPost: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const patientColumns = Prisma.sql`id, mrn, given_name AS "givenName", family_name AS "familyName",
  birth_date AS "birthDate", sex::text AS sex, phone, email, nhs_number AS "nhsNumber",
  address_line1 AS "addressLine1", address_line2 AS "addressLine2", town, postcode,
  gp_practice_name AS "gpPracticeName", gp_practice_ods_code AS "gpPracticeOdsCode",
  next_of_kin_name AS "nextOfKinName", next_of_kin_relationship AS "nextOfKinRelationship",
  next_of_kin_phone AS "nextOfKinPhone", preferred_language AS "preferredLanguage",
  interpreter_needed AS "interpreterNeeded", contact_by_email AS "contactByEmail",
  contact_by_sms AS "contactBySms", contact_by_post AS "contactByPost",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export function presentPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: dayOfColumn(row.birthDate),
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    nhsNumber: row.nhsNumber,
    // A section is whole or absent: its required parts are written together (patientData).
    address:
      row.addressLine1 && row.town && row.postcode
        ? { line1: row.addressLine1, line2: row.addressLine2, town: row.town, postcode: row.postcode }
        : null,
    gpPractice: row.gpPracticeName ? { name: row.gpPracticeName, odsCode: row.gpPracticeOdsCode } : null,
    nextOfKin:
      row.nextOfKinName && row.nextOfKinRelationship
        ? { name: row.nextOfKinName, relationship: row.nextOfKinRelationship, phone: row.nextOfKinPhone }
        : null,
    preferredLanguage: row.preferredLanguage,
    interpreterNeeded: row.interpreterNeeded,
    contact: { email: row.contactByEmail, sms: row.contactBySms, post: row.contactByPost },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The columns `input` writes: each field or section it names (null clears a section), none it
 * leaves out, so a patch changes only what it names. `contact`, when given, sets all three channels.
 */
export function patientData(input: PatientPatch) {
  const { birthDate, address, gpPractice, nextOfKin, contact, ...plain } = input;
  return {
    ...plain,
    ...(birthDate ? { birthDate: dateColumn(birthDate) } : {}),
    ...(address !== undefined && {
      addressLine1: address?.line1 ?? null,
      addressLine2: address?.line2 ?? null,
      town: address?.town ?? null,
      postcode: address?.postcode ?? null,
    }),
    ...(gpPractice !== undefined && {
      gpPracticeName: gpPractice?.name ?? null,
      gpPracticeOdsCode: gpPractice?.odsCode ?? null,
    }),
    ...(nextOfKin !== undefined && {
      nextOfKinName: nextOfKin?.name ?? null,
      nextOfKinRelationship: nextOfKin?.relationship ?? null,
      nextOfKinPhone: nextOfKin?.phone ?? null,
    }),
    ...(contact && { contactByEmail: contact.email, contactBySms: contact.sms, contactByPost: contact.post }),
  };
}
