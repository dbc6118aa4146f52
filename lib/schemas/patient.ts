import { z } from "zod";
import { sexes } from "@/lib/domain/vocabulary";
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

export const patientInput = z
  .object({
    givenName: name,
    familyName: name,
    birthDate,
    sex: z.enum(sexes),
    phone: optionalText(40).refine((v) => !v || /^[+()\d\s-]{5,40}$/.test(v), "Digits, spaces and + ( ) - only"),
    email: optionalText(200).refine((v) => !v || z.email().safeParse(v).success, "Not an email address"),
  })
  .strict()
  .meta({ id: "PatientInput" });
export type PatientInput = z.infer<typeof patientInput>;

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
