// A property of the waiting list's paging (WL-3): whatever the cases, filters and page size, the
// list read page by page is the site's waiting cases sorted by `compareWaitingList`, each once.
import { callRoute, signInAs } from "../setup/routes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { dateColumn } from "@/lib/db/dates";
import { addDays } from "@/lib/domain/time";
import { compareWaitingList, listingPriorities, waitingStatuses } from "@/lib/domain/waiting-list";
import type { WaitingListItem } from "@/lib/schemas/waiting-list";
import { createActor, testDatabase } from "../setup/db";
import { createStaff } from "../setup/scheduling";
import { dayFromToday } from "../setup/clock";

const prisma = testDatabase();

const statuses = [...waitingStatuses, "operated", "cancelled"] as const;
// Few listing days and two surgeons, so that ties of priority and listing date are common.
const listing = fc.record({
  priority: fc.constantFrom(...listingPriorities),
  daysAgo: fc.integer({ min: 0, max: 3 }),
  surgeon: fc.integer({ min: 0, max: 1 }),
  status: fc.constantFrom(...statuses),
});

type Listing = {
  priority: (typeof listingPriorities)[number];
  daysAgo: number;
  surgeon: number;
  status: (typeof statuses)[number];
};

/** A site of its own with two surgeons and the listings, written directly (the property is about reading). */
async function siteWith(listings: Listing[]) {
  const reception = await createActor(prisma, "reception");
  const surgeons = await createStaff(prisma, reception, "surgeon", 2);
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: reception.id } });
  const cases = [];
  for (const l of listings) {
    const patient = await prisma.patient.create({
      data: { givenName: "Paging", familyName: "Property", birthDate: dateColumn("1970-01-01"), sex: "female" },
    });
    const listedOn = dayFromToday(-l.daysAgo);
    const kase = await prisma.clinicalCase.create({
      data: {
        patientId: patient.id,
        siteId,
        side: "left",
        mechanism: "unknown",
        status: l.status,
        referredOn: dateColumn(addDays(listedOn, -200)),
        createdById: reception.id,
        listing: {
          create: { listedOn: dateColumn(listedOn), priority: l.priority, surgeonId: surgeons[l.surgeon]!.id },
        },
      },
    });
    cases.push({ ...l, caseId: kase.id, listedOn, surgeonId: surgeons[l.surgeon]!.id });
  }
  return { reception, surgeons, cases };
}

async function pageByPage(actor: Actor, filter: string, limit: number): Promise<WaitingListItem[]> {
  await signInAs(prisma, actor);
  const seen: WaitingListItem[] = [];
  let cursor: string | null = null;
  do {
    const response = await callRoute(
      "get",
      "/api/v1/waiting-list",
      {},
      `?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: WaitingListItem[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

describe("waiting list paging (WL-3)", () => {
  it("page by page equals the site's waiting cases sorted by compareWaitingList, each once, under any filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(listing, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.constantFrom(...listingPriorities), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
        async (listings, limit, priority, surgeon) => {
          const site = await siteWith(listings);
          const surgeonId = surgeon === undefined ? undefined : site.surgeons[surgeon]!.id;
          const filter = `${priority ? `&priority=${priority}` : ""}${surgeonId ? `&surgeonId=${surgeonId}` : ""}`;
          const paged = await pageByPage(site.reception, filter, limit);
          const whole = site.cases
            .filter((x) => (waitingStatuses as readonly string[]).includes(x.status))
            .filter((x) => (!priority || x.priority === priority) && (!surgeonId || x.surgeonId === surgeonId))
            // The site keeps the default target: 18 weeks (WL-2).
            .map((x) => ({ ...x, breachOn: addDays(x.listedOn, 126) }))
            .sort(compareWaitingList);
          expect(paged.map((p) => p.caseId)).toEqual(whole.map((x) => x.caseId));
          expect(paged.map((p) => p.breachOn)).toEqual(whole.map((x) => x.breachOn));
        },
      ),
      { numRuns: 25 },
    );
  });
});
