import { z } from "zod";
import { listingPriorities } from "@/lib/domain/waiting-list";
import { isoDate, uuid } from "./common";

/** The same filters as the waiting list's: one surgeon's listings, one priority. */
export const waitingListSummaryQuery = z.object({
  surgeonId: uuid.optional(),
  priority: z.enum(listingPriorities).optional(),
});

const days = z.number().int().nonnegative();

/** The dashboard figures of the waiting list (WL-2, admitted pathway), in the site's calendar days. */
export const waitingListSummary = z
  .object({
    waiting: z.number().int().nonnegative().meta({ description: "Listed patients neither operated nor cancelled" }),
    medianDaysWaiting: days.nullable().meta({
      description: "Nearest-rank median of their days waited since listing; null when nobody waits",
    }),
    p90DaysWaiting: days.nullable().meta({
      description: "Nearest-rank 90th percentile of their days waited since listing; null when nobody waits",
    }),
    breachesThisMonth: z.number().int().nonnegative().meta({
      description:
        "Listings whose wait went past the breach date (listing + the site's target weeks) on a day of this calendar month so far, whether still waiting, operated or cancelled later; plus listings operated this month after their breach date. Each once",
    }),
    forecast: z
      .array(z.object({ weekStarting: isoDate, breaches: z.number().int().nonnegative() }))
      .length(4)
      .meta({
        description:
          "The four weeks starting today, today + 7, + 14 and + 21: patients still waiting whose breach date falls in each",
      }),
  })
  .meta({ id: "WaitingListSummary" });

export type WaitingListSummaryView = z.infer<typeof waitingListSummary>;
