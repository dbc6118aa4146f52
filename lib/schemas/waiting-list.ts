import { z } from "zod";
import { admissions } from "@/lib/domain/vocabulary";
import { listingPriorities } from "@/lib/domain/waiting-list";
import { isoDate, page, uuid } from "./common";

/** The waiting list's filters (WL-3): one surgeon's listings, one priority; both optional. */
export const waitingListFilter = z.object({
  surgeonId: uuid.optional(),
  priority: z.enum(listingPriorities, { error: "A priority is P1, P2, P3 or P4" }).optional(),
});
export type WaitingListFilter = z.infer<typeof waitingListFilter>;

/** A page of the waiting list: 50 by default, at most 200 (the page's "More" asks for 50). */
export const waitingListQuery = waitingListFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type WaitingListQuery = z.infer<typeof waitingListQuery>;

export const waitingListItem = z
  .object({
    caseId: uuid,
    /** `name` is "FAMILY, Given". */
    patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
    priority: z.enum(listingPriorities),
    listedOn: isoDate,
    /** WL-2, the admitted pathway: calendar days at the site from listing to today. */
    daysWaiting: z.number().int(),
    /** WL-2: listing + the site's target (18 weeks by default). */
    breachOn: isoDate,
    /** WL-1: the day the priority asks the operation by; null for P4. */
    priorityDueOn: isoDate.nullable(),
    /** SX-3: the last day the latest anaesthesia assessment is valid; null when none is recorded. */
    assessmentValidUntil: isoDate.nullable(),
    /** SX-4: the admission the latest assessment allows; null when none is recorded. */
    admission: z.enum(admissions).nullable(),
    /** The start (ISO instant) of the booked, not cancelled, arthroscopy; null when none is booked. */
    arthroscopyBooked: z.string().nullable(),
  })
  .meta({ id: "WaitingListItem" });
export type WaitingListItem = z.infer<typeof waitingListItem>;
export const waitingListPage = page(waitingListItem).meta({ id: "WaitingListPage" });
