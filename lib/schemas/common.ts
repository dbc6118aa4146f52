import { z } from "zod";

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(isoDatePattern, { message: "Use the form YYYY-MM-DD", abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { message: "Not a calendar date", abort: true });

export const uuid = z.uuid("Not a valid identifier");
export const idParams = z.object({ id: uuid });

/** An instant with an explicit offset, e.g. 2026-11-27T09:00:00Z. */
export const instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date-time with an offset" });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
