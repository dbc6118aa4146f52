import { z } from "zod";
import { addDays, addMonthsClamped, type Day } from "@/lib/domain/time";
import { isoDate } from "./common";

/** A period of the dashboard: calendar days of the site, both ends included. */
export type Period = { from: Day; to: Day };

/** `?from=&to=` (YYYY-MM-DD, both optional, both included); `to` on or after `from`. */
export const periodQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The end of the period is on or after its start",
    path: ["to"],
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

/**
 * The period asked for, with the defaults filled in: `to` is today at the site, `from` the day
 * after the same date a year before `to` (twelve months, both ends included).
 */
export function resolvePeriod(query: PeriodQuery, today: Day): Period {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  return { from: query.from ?? addDays(addMonthsClamped(to, -12), 1), to };
}
