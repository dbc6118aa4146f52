import { z } from "zod";
import "./messages";

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The years a date or an instant of this clinic's records can fall in. Nothing clinical is
 * older (birth dates start at 1900), and PostgreSQL refuses some years JavaScript accepts (0000).
 */
const firstYear = 1900;
const lastYear = 2999;

const inYears = (year: number) => year >= firstYear && year <= lastYear;

/** True when `value` is YYYY-MM-DD, a day the calendar has (no 30 February), in the clinic's years. */
export function isCalendarDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && inYears(date.getUTCFullYear());
}

/** A calendar date, YYYY-MM-DD, that exists (no 31 February), in the years 1900 to 2999. */
export const isoDate = z
  .string()
  .regex(isoDatePattern, { message: "Use the form YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, { message: `Not a calendar date between ${firstYear} and ${lastYear}`, abort: true });

export const uuid = z.uuid("Not a valid identifier");
export const idParams = z.object({ id: uuid });

/** Milliseconds since the epoch of a valid instant: compare instants with this, never as text. */
export const instantMs = (value: string): number => Date.parse(value);

/**
 * An instant with an explicit offset, e.g. 2026-11-27T09:00:00Z or 2026-11-27T10:00:00+01:00,
 * on a day the calendar has, in the years 1900 to 2999 (of its UTC date).
 */
export const instant = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 date-time with an offset", abort: true })
  .refine(
    (value) => {
      const ms = instantMs(value);
      return !Number.isNaN(ms) && isCalendarDate(value.slice(0, 10)) && inYears(new Date(ms).getUTCFullYear());
    },
    { message: `Not an instant between ${firstYear} and ${lastYear}`, abort: true },
  );

// C0 and C1 control characters and DEL. PostgreSQL refuses NUL in text; the others have no place
// in a clinical record and can hide text from whoever reads it. Tab and line breaks (CR, LF) are
// kept in multi-line text (notes, findings); Unicode's line and paragraph separators (U+2028,
// U+2029) only there too.
const singleLine = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$/;
const multiLine = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
const controlMessage = "Contains a control character";
// Unicode's bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
// they reorder how the text around them is shown, so a reader would see other words than were
// stored (CVE-2021-42574). Right-to-left scripts need none of them; the plain marks U+200E and
// U+200F stay allowed.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Refuses control characters (`multiline`: but tab and line breaks), text-direction controls and
 * lone UTF-16 surrogates (half a character, which no text encoding can store), on any string
 * schema.
 */
export const withoutControls = (schema: z.ZodString, multiline = false) =>
  schema
    .regex(multiline ? multiLine : singleLine, controlMessage)
    .refine((value) => !bidiControls.test(value), "Contains a control character that reorders the text")
    .refine((value) => value.isWellFormed(), "Contains an invalid character");

/**
 * Text typed by staff: trimmed, without control characters (`multiline`: tab and line breaks
 * allowed), at least `min` (default 1; message `required`, default "Required") and at most `max`
 * characters.
 */
export function text(max: number, options: { min?: number; multiline?: boolean; required?: string } = {}) {
  const min = options.min ?? 1;
  return withoutControls(z.string().trim(), options.multiline)
    .min(min, options.required ?? (min === 1 ? "Required" : `At least ${min} characters`))
    .max(max, `At most ${max} characters`);
}

/** Optional text: as `text`, with "" (a cleared field) and null meaning none (null). */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  withoutControls(z.string().trim(), options.multiline)
    .max(max, `At most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
