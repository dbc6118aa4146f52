// The surgical listing of a case as staff see it (priority, its history and the two
// referral-to-treatment clocks, WL-1/WL-2), and the surgeon's priority change.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { dayOfColumn } from "@/lib/db/dates";
import type { ClinicPolicies } from "@/lib/domain/policies";
import { dayOf, type Day } from "@/lib/domain/time";
import {
  admittedClock,
  decidePriorityChange,
  priorityDueOn,
  referralClock,
  type ListingPriority,
  type RttClock,
} from "@/lib/domain/waiting-list";
import type { listingPriorityInput } from "@/lib/schemas/case";
import type { CaseRow } from "./case-record";
import { runCaseCommand } from "./case-record";

export type ListingView = {
  listedOn: Day;
  notes: string | null;
  surgeon: string;
  priority: ListingPriority;
  /** WL-1: the day the priority asks for the operation by; null for P4. */
  priorityDueOn: Day | null;
  priorityHistory: { at: string; from: ListingPriority | null; to: ListingPriority; reason: string; by: string }[];
};

/** The listing of a loaded case, or null when it is not listed. */
export function listingView(row: CaseRow): ListingView | null {
  const l = row.listing;
  if (!l) return null;
  const listedOn = dayOfColumn(l.listedOn);
  return {
    listedOn,
    notes: l.notes,
    surgeon: l.surgeon.name,
    priority: l.priority,
    priorityDueOn: priorityDueOn(listedOn, l.priority),
    priorityHistory: l.priorityChanges.map((c) => ({
      at: c.at.toISOString(),
      from: c.fromPriority,
      to: c.toPriority,
      reason: c.reason,
      by: c.by.name,
    })),
  };
}

/**
 * WL-2: the case's two clocks on `today` (the site's calendar day): referral -> first-line
 * treatment, and, once listed, listing -> operation. Both stop on the day the case was cancelled.
 */
export function clocksOf(
  row: CaseRow,
  today: Day,
  policies: ClinicPolicies,
): { referral: RttClock; admitted: RttClock | null } {
  const zone = row.site.timeZone;
  const cancelled = row.transitions.find((t) => t.toStatus === "cancelled");
  const cancelledOn = cancelled ? dayOf(cancelled.at, zone) : null;
  const firstCourse = row.courses[0];
  return {
    referral: referralClock(
      {
        referredOn: dayOfColumn(row.referredOn),
        firstLineStartedOn: firstCourse ? dayOfColumn(firstCourse.startedOn) : null,
        cancelledOn,
      },
      today,
      policies,
    ),
    admitted: row.listing
      ? admittedClock(
          {
            listedOn: dayOfColumn(row.listing.listedOn),
            operatedOn: row.operation ? dayOfColumn(row.operation.operationDay) : null,
            cancelledOn,
          },
          today,
          policies,
        )
      : null,
  };
}

/**
 * WL-1: a surgeon changes the priority of a case waiting on the list, with a reason; the change
 * is kept in the listing's history and audited. `rule` WL-1 when the case is not waiting or the
 * priority is unchanged; `not_found` for an unknown case.
 */
export async function changeListingPriority(
  actor: Actor,
  caseId: string,
  input: z.infer<typeof listingPriorityInput>,
  now = new Date(),
): Promise<{ id: string; status: string; priority: ListingPriority }> {
  const { result, status } = await runCaseCommand<{ id: string; priority: ListingPriority }>(
    actor,
    caseId,
    now,
    ({ tx, row }) => ({
      decision: decidePriorityChange({ status: row.status, priority: row.listing?.priority ?? null }, input.priority),
      write: async () => {
        const listing = row.listing!;
        await tx.listingPriorityChange.create({
          data: {
            listingId: listing.id,
            fromPriority: listing.priority,
            toPriority: input.priority,
            reason: input.reason,
            byId: actor.id,
          },
        });
        return tx.surgicalListing.update({ where: { id: listing.id }, data: { priority: input.priority } });
      },
      audit: { action: "case.listing.priority", entity: "surgical_listing", entityId: (listing) => listing.id },
    }),
  );
  return { id: result.id, status, priority: result.priority };
}
