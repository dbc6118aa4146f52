import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { dayOf } from "@/lib/domain/time";
import { conflict, notFound, validationError } from "@/lib/domain/errors";
import { canonicalPostcode, compactNhsNumber, postcodeOutwardCode } from "@/lib/domain/patient-identifiers";
import { isCalendarDate, uuid, withoutControls } from "@/lib/schemas/common";
import {
  birthDateProblem,
  type DuplicateCheckQuery,
  type Patient,
  type PatientInput,
  type PatientPatch,
  type PatientSearchQuery,
} from "@/lib/schemas/patient";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { patientColumns as columns, patientData, presentPatient, type PatientRow } from "./patient-row";

/** The NHS number is unique (its index): another patient's is a `conflict` naming the field. */
function nhsNumberTaken(error: unknown): never {
  if (!isUniqueViolation(error)) throw error;
  throw conflict("CONFLICT", "Another patient already has this NHS number: search for them before registering.", {
    errors: [{ path: "nhsNumber", message: "Another patient already has this NHS number" }],
  });
}

/** A birth date no later than today at the actor's site; `invalid` VALIDATION at `birthDate` otherwise. */
async function checkBirthDate(tx: Tx, actor: Actor, birthDate: string, now: Date) {
  const { site } = await tx.staff.findUniqueOrThrow({
    where: { id: actor.id },
    select: { site: { select: { timeZone: true } } },
  });
  const problem = birthDateProblem(birthDate, dayOf(now, site.timeZone));
  if (problem) throw validationError([{ path: "birthDate", message: problem }]);
}

/**
 * Registers a patient with its details; a birth date after today at the actor's site is refused
 * (`invalid`), an NHS number another patient has is a `conflict` CONFLICT naming `nhsNumber`.
 */
export async function registerPatient(actor: Actor, input: PatientInput, now = new Date()): Promise<Patient> {
  return db().$transaction(async (tx) => {
    await checkBirthDate(tx, actor, input.birthDate, now);
    const row = await tx.patient
      .create({
        data: {
          ...patientData(input),
          givenName: input.givenName,
          familyName: input.familyName,
          sex: input.sex,
          birthDate: dateColumn(input.birthDate),
        },
      })
      .catch(nhsNumberTaken);
    await recordAudit(tx, actor, [
      { action: "patient.create", entity: "patient", entityId: row.id, patientId: row.id },
    ]);
    return presentPatient(row);
  });
}

export async function getPatient(actor: Actor, id: string): Promise<Patient> {
  return db().$transaction(async (tx) => {
    const row = await tx.patient.findUnique({ where: { id } });
    if (!row) throw notFound("The patient");
    await recordAudit(tx, actor, [{ action: "patient.read", entity: "patient", entityId: row.id, patientId: row.id }]);
    return presentPatient(row);
  });
}

/** Corrects demographics and details (only the fields `patch` names); errors as `registerPatient`'s, and `not_found`. */
export async function updatePatient(actor: Actor, id: string, patch: PatientPatch, now = new Date()): Promise<Patient> {
  return db().$transaction(async (tx) => {
    // Invalid input is refused as such whether or not the patient exists, as with the schema's own checks.
    if (patch.birthDate) await checkBirthDate(tx, actor, patch.birthDate, now);
    const existing = await tx.patient.findUnique({ where: { id }, select: { id: true } });
    if (!existing) throw notFound("The patient");
    const row = await tx.patient.update({ where: { id }, data: patientData(patch) }).catch(nhsNumberTaken);
    await recordAudit(tx, actor, [
      {
        action: "patient.update",
        entity: "patient",
        entityId: id,
        patientId: id,
        detail: { fields: Object.keys(patch).join(",") },
      },
    ]);
    return presentPatient(row);
  });
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the search box holds: a birth date (YYYY-MM-DD or DD/MM/YYYY), an MRN, an NHS number
 * (10 digits, spaces or hyphens between them allowed), a UK postcode (kept form, "SW1A 1AA") or
 * its outward code alone ("SW1A"), or words of a name.
 * A date the calendar does not have (30/02/2020), or outside the years a birth date can be in,
 * is `nothing`: no patient can match it.
 */
export function classifySearch(
  q: string,
):
  | { kind: "all" }
  | { kind: "nothing" }
  | { kind: "birthDate"; date: string }
  | { kind: "mrn"; mrn: string }
  | { kind: "nhsNumber"; nhsNumber: string }
  | { kind: "postcode"; postcode: string }
  | { kind: "outwardCode"; outwardCode: string }
  | { kind: "name"; words: string[] } {
  const text = q.trim();
  if (text === "") return { kind: "all" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const date = iso ? text : uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : null;
  if (date) return isCalendarDate(date) ? { kind: "birthDate", date } : { kind: "nothing" };
  if (/^p\d{3,}$/i.test(text)) return { kind: "mrn", mrn: text.toUpperCase() };
  if (/^\d[\d\s-]*$/.test(text) && /^\d{10}$/.test(compactNhsNumber(text)))
    return { kind: "nhsNumber", nhsNumber: compactNhsNumber(text) };
  const postcode = canonicalPostcode(text);
  if (postcode) return { kind: "postcode", postcode };
  const outwardCode = postcodeOutwardCode(text);
  if (outwardCode) return { kind: "outwardCode", outwardCode };
  return { kind: "name", words: text.split(/\s+/).slice(0, 5) };
}

function searchCondition(q: string | undefined): Prisma.Sql {
  const search = classifySearch(q ?? "");
  switch (search.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "nothing":
      return Prisma.sql`FALSE`;
    case "birthDate":
      return Prisma.sql`birth_date = ${search.date}::date`;
    case "mrn":
      return Prisma.sql`mrn = ${search.mrn}`;
    case "nhsNumber":
      return Prisma.sql`nhs_number = ${search.nhsNumber}`;
    // Both use patient_postcode_idx (text_pattern_ops): equality, and a prefix up to the space.
    case "postcode":
      return Prisma.sql`postcode = ${search.postcode}`;
    case "outwardCode":
      return Prisma.sql`postcode LIKE ${`${search.outwardCode} %`}`;
    case "name": {
      // Each word must appear; uses the trigram index on search_name ("given family given",
      // unaccented and lower-case), so "smith jo" finds John Smith.
      const words = search.words.map(
        (word) => Prisma.sql`search_name LIKE '%' || lower(immutable_unaccent(${escapeLike(word)})) || '%'`,
      );
      return Prisma.join(words, " AND ");
    }
  }
}

const cursorName = withoutControls(z.string()).max(100);
const patientCursor = z.strictObject({ familyName: cursorName, givenName: cursorName, id: uuid });

/** The condition that resumes a list in (family name, given name, id) order after a cursor. */
function keysetAfter(cursor: string | undefined): Prisma.Sql {
  const after = cursor ? decodeCursor(cursor, patientCursor) : null;
  return after
    ? Prisma.sql`AND (family_name, given_name, id) > (${after.familyName}, ${after.givenName}, ${after.id}::uuid)`
    : Prisma.empty;
}

/** The first `limit` of `rows` (fetched one over), audited as `action`, with the next page's cursor. */
async function pageOf(tx: Tx, actor: Actor, rows: PatientRow[], limit: number, action: string) {
  const page = rows.slice(0, limit);
  await recordListRead(tx, actor, { action, entity: "patient", itemPatientIds: page.map((row) => row.id) });
  const last = page.at(-1);
  return {
    items: page.map(presentPatient),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ familyName: last.familyName, givenName: last.givenName, id: last.id })
        : null,
  };
}

export async function searchPatients(actor: Actor, query: PatientSearchQuery) {
  const keyset = keysetAfter(query.cursor);
  const rows = await db().$queryRaw<PatientRow[]>`
    SELECT ${columns} FROM patient
    WHERE ${searchCondition(query.q)} ${keyset}
    ORDER BY family_name, given_name, id
    LIMIT ${query.limit + 1}`;
  return pageOf(db(), actor, rows, query.limit, "patient.search");
}

/** What a field-by-field patient search (FHIR Patient search) may name; all given must hold. */
export type PatientFieldSearch = {
  /** The NHS number (10 digits, spaces or hyphens allowed). */
  nhsNumber?: string;
  mrn?: string;
  /** An NHS number or an MRN: the identifier without its system. */
  anyIdentifier?: string;
  /** Words each starting a word of the name (given or family; case and accents ignored). */
  name?: string;
  /** Born on or after `from` and before `to` (calendar days, YYYY-MM-DD). */
  bornFrom?: string;
  bornBefore?: string;
  /** No patient can match (an identifier of a system the clinic does not issue). */
  nothing?: boolean;
};

function fieldConditions(search: PatientFieldSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.nothing) conditions.push(Prisma.sql`FALSE`);
  if (search.nhsNumber) conditions.push(Prisma.sql`nhs_number = ${compactNhsNumber(search.nhsNumber)}`);
  if (search.mrn) conditions.push(Prisma.sql`mrn = ${search.mrn.toUpperCase()}`);
  if (search.anyIdentifier)
    conditions.push(
      Prisma.sql`(mrn = ${search.anyIdentifier.toUpperCase()} OR nhs_number = ${compactNhsNumber(search.anyIdentifier)})`,
    );
  // Each word starts the name or one of its words; the trigram index on search_name serves both.
  for (const word of (search.name ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5)) {
    const w = Prisma.sql`lower(immutable_unaccent(${escapeLike(word)}))`;
    conditions.push(Prisma.sql`(search_name LIKE ${w} || '%' OR search_name LIKE '% ' || ${w} || '%')`);
  }
  if (search.bornFrom) conditions.push(Prisma.sql`birth_date >= ${search.bornFrom}::date`);
  if (search.bornBefore) conditions.push(Prisma.sql`birth_date < ${search.bornBefore}::date`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Patients matching every field of `search`, `limit` per page in (family name, given name, id)
 * order after `cursor` (from a previous page); audited as one list read (`patient.search`).
 * Throws `invalid` at `cursor` for a cursor this search did not return.
 */
export async function searchPatientsByField(
  actor: Actor,
  search: PatientFieldSearch,
  page: { limit: number; cursor?: string },
) {
  const rows = await db().$queryRaw<PatientRow[]>`
    SELECT ${columns} FROM patient
    WHERE ${fieldConditions(search)} ${keysetAfter(page.cursor)}
    ORDER BY family_name, given_name, id
    LIMIT ${page.limit + 1}`;
  return pageOf(db(), actor, rows, page.limit, "patient.search");
}

/**
 * Patients born the same day whose name is close: shown before a new registration. Paged like
 * the search, in (family name, given name, id) order.
 */
export async function findLikelyDuplicates(actor: Actor, query: DuplicateCheckQuery) {
  const rows = await db().$queryRaw<PatientRow[]>`
    SELECT ${columns} FROM patient
    WHERE birth_date = ${query.birthDate}::date
      AND (similarity(search_name, lower(immutable_unaccent(${`${query.givenName} ${query.familyName}`}))) >= 0.3
           OR lower(immutable_unaccent(family_name)) = lower(immutable_unaccent(${query.familyName})))
      ${keysetAfter(query.cursor)}
    ORDER BY family_name, given_name, id
    LIMIT ${query.limit + 1}`;
  return pageOf(db(), actor, rows, query.limit, "patient.duplicate_check");
}
