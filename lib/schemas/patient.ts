import { z } from "zod";
import { sexes } from "@/lib/domain/vocabulary";
import { canonicalPostcode, compactNhsNumber, isValidNhsNumber } from "@/lib/domain/patient-identifiers";
import { isoDate, optionalText, pageQuery, page, text, uuid, withoutControls } from "./common";

const name = text(100);
// "Not in the future" needs the site's calendar day, which a schema cannot know: the service
// checks it with birthDateProblem, and so does the form with the day the page was given.
const birthDate = isoDate.refine((value) => value >= "1900-01-01", "Must be on or after 1900-01-01");

/**
 * Why a birth date ("YYYY-MM-DD") cannot be taken on `today`, the site's calendar day, or null:
 * a birth date may be today but not later.
 */
export function birthDateProblem(birthDate: string, today: string): string | null {
  return birthDate > today ? "Cannot be in the future" : null;
}

const phone = optionalText(40).refine((v) => !v || /^[+()\d\s-]{5,40}$/.test(v), "Digits, spaces and + ( ) - only");

/** Ten digits, spaces or hyphens allowed between them, with a valid modulus-11 check digit; kept as digits only. */
const nhsNumber = withoutControls(z.string())
  .max(20, "At most 20 characters")
  .transform((v) => compactNhsNumber(v) || null)
  .refine((v) => !v || /^\d{10}$/.test(v), "An NHS number has 10 digits")
  .refine((v) => !v || !/^\d{10}$/.test(v) || isValidNhsNumber(v), "Not a valid NHS number: check the digits")
  .nullish();

const postcode = text(10).transform((v, ctx) => {
  const canonical = canonicalPostcode(v);
  if (!canonical) ctx.addIssue({ code: "custom", message: "Not a UK postcode" });
  return canonical ?? v;
});

const address = z
  .object({ line1: text(100), line2: optionalText(100), town: text(60), postcode })
  .strict()
  .meta({ id: "Address" });

const gpPractice = z
  .object({
    name: text(100),
    // An ODS organisation code: letters and digits, e.g. B86001.
    odsCode: optionalText(10)
      .transform((v) => v?.toUpperCase() ?? null)
      .refine((v) => !v || /^[A-Z0-9]{3,10}$/.test(v), "Letters and digits only, e.g. B86001"),
  })
  .strict()
  .meta({ id: "GpPractice" });

const nextOfKin = z
  .object({ name: text(100), relationship: text(60), phone })
  .strict()
  .meta({ id: "NextOfKin" });

/** A channel set to true is the patient's consent to be contacted on it; a channel left out is no consent. */
const contact = z
  .object({
    email: z.boolean().default(false),
    sms: z.boolean().default(false),
    post: z.boolean().default(false),
  })
  .strict()
  .meta({ id: "ContactPreferences" });

export const patientInput = z
  .object({
    givenName: name,
    familyName: name,
    birthDate,
    sex: z.enum(sexes),
    phone,
    email: optionalText(200).refine((v) => !v || z.email().safeParse(v).success, "Not an email address"),
    nhsNumber,
    address: address.nullish(),
    gpPractice: gpPractice.nullish(),
    nextOfKin: nextOfKin.nullish(),
    preferredLanguage: optionalText(60),
    interpreterNeeded: z.boolean().optional(),
    contact: contact.optional(),
  })
  .strict()
  .meta({ id: "PatientInput" });
export type PatientInput = z.infer<typeof patientInput>;

/** Fields left out keep their value; a section set to null (address, GP, next of kin) is cleared. */
export const patientPatch = patientInput.partial().strict().meta({ id: "PatientPatch" });
export type PatientPatch = z.infer<typeof patientPatch>;

export const patient = z
  .object({
    id: uuid,
    mrn: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string(),
    sex: z.enum(sexes),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    nhsNumber: z.string().nullable(),
    address: z
      .object({ line1: z.string(), line2: z.string().nullable(), town: z.string(), postcode: z.string() })
      .nullable(),
    gpPractice: z.object({ name: z.string(), odsCode: z.string().nullable() }).nullable(),
    nextOfKin: z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() }).nullable(),
    preferredLanguage: z.string().nullable(),
    interpreterNeeded: z.boolean(),
    contact: z.object({ email: z.boolean(), sms: z.boolean(), post: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Patient" });
export type Patient = z.infer<typeof patient>;

export const patientSearchQuery = pageQuery.extend({
  q: withoutControls(z.string().trim()).max(100, "At most 100 characters").optional(),
});
export type PatientSearchQuery = z.infer<typeof patientSearchQuery>;

export const patientPage = page(patient).meta({ id: "PatientPage" });

export const duplicateCheckQuery = pageQuery.extend({
  givenName: name,
  familyName: name,
  birthDate: isoDate,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type DuplicateCheckQuery = z.infer<typeof duplicateCheckQuery>;
export const duplicateCandidates = page(patient).meta({ id: "DuplicateCandidates" });
