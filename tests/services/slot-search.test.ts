import fc from "fast-check";
import { beforeAll, describe, expect, it, inject } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createDb, setDb } from "@/lib/db/client";
import { formatTime } from "@/lib/domain/date-format";
import { dayOf } from "@/lib/domain/time";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { searchSlots } from "@/lib/services/slot-search";
import { dayFromToday, siteZone } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";

const prisma = setDb(createDb(inject("databaseUrl")));
let team: Team;
/** A second surgeon whose id sorts before every other: the one a "first free" search would pick. */
let nair: Actor;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  for (const kind of ["consulting", "theatre", "imaging", "physio", "dressing"] as const)
    await createRooms(prisma, team.reception, kind);
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: team.surgeon.id } });
  const row = await prisma.staff.create({
    data: {
      id: `00000000-0000-4000-8000-${Date.now().toString(16).padStart(12, "0").slice(-12)}`,
      siteId,
      role: "surgeon",
      name: "Ms Nair",
      email: `nair-${Date.now()}@test.clinic`,
      passwordHash: "x",
    },
  });
  nair = { id: row.id, name: row.name, role: "surgeon" };
  await giveHours(prisma, nair);
});

const search = (caseId: string, kind: AppointmentKind, extra: Record<string, string | number> = {}) =>
  searchSlots(team.reception, { caseId, kind, from: dayFromToday(1), days: 7, limit: 20, ...extra });
const hourAt = (iso: string) => Number(formatTime(iso, siteZone).slice(0, 2));

describe("the slot finder's filters", () => {
  it("offers an arthroscopy with the surgeon who listed the case by default, and any surgeon when asked", async () => {
    const { caseId } = await caseAt(team, "assessed");
    const own = await search(caseId, "arthroscopy");
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((s) => s.clinician?.id))).toEqual(new Set([team.surgeon.id]));
    const any = await search(caseId, "arthroscopy", { clinicianId: "any" });
    expect(any.items.map((s) => s.clinician?.id)).toContain(nair.id);
  });

  it("offers a follow-up with the surgeon who reviewed the first-line course when nobody listed the case", async () => {
    const { caseId } = await caseAt(team, "failed_course");
    const slots = await search(caseId, "follow_up");
    expect(slots.items.length).toBeGreaterThan(0);
    expect(new Set(slots.items.map((s) => s.clinician?.id))).toEqual(new Set([team.surgeon.id]));
  });

  it("offers the surgeon chosen (Ms Nair) for a follow-up when she is named", async () => {
    const { caseId } = await caseAt(team, "listed");
    const slots = await search(caseId, "follow_up", { clinicianId: nair.id });
    expect(new Set(slots.items.map((s) => s.clinician?.id))).toEqual(new Set([nair.id]));
  });

  it("offers every physiotherapist free at a time, not only the first one", async () => {
    const more = await createStaff(prisma, team.reception, "physio", 2);
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const slots = await search(caseId, "physio", { clinicianId: "any" });
    const first = slots.items.filter((s) => s.start === slots.items[0]!.start);
    expect(new Set(first.map((s) => s.clinician?.id))).toEqual(new Set([team.physio.id, ...more.map((p) => p.id)]));
  });

  it("offers only afternoons, or only mornings, when asked", async () => {
    const { caseId } = await caseAt(team, "referred");
    const afternoons = await search(caseId, "consultation", { partOfDay: "afternoon", limit: 100 });
    expect(afternoons.items.length).toBeGreaterThan(0);
    expect(afternoons.items.every((s) => hourAt(s.start) >= 12)).toBe(true);
    const mornings = await search(caseId, "consultation", { partOfDay: "morning", limit: 100 });
    expect(mornings.items.length).toBeGreaterThan(0);
    expect(mornings.items.every((s) => hourAt(s.start) < 12)).toBe(true);
  });

  it("pages through a date range's afternoons with one surgeon to the last page, every start once", async () => {
    const [surgeon] = await createStaff(prisma, team.reception, "surgeon", 1);
    await createRooms(prisma, team.reception, "consulting");
    const { caseId } = await caseAt(team, "referred");
    const query = {
      from: dayFromToday(2),
      to: dayFromToday(3),
      partOfDay: "afternoon",
      clinicianId: surgeon!.id,
      limit: 30,
    };
    const starts: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(caseId, "consultation", { ...query, ...(cursor ? { cursor } : {}) });
      starts.push(...page.items.map((s) => s.start));
      cursor = page.nextCursor;
    } while (cursor);
    // 12:00 to 19:40 every 10 minutes (a 20-minute consultation ends by 20:00), on two days.
    expect(starts).toHaveLength(2 * 47);
    expect(new Set(starts).size).toBe(starts.length);
    expect(new Set(starts.map((s) => dayOf(new Date(s), siteZone)))).toEqual(
      new Set([dayFromToday(2), dayFromToday(3)]),
    );
  });
});

describe("only what the booking accepts is offered", () => {
  const stageOf: Record<AppointmentKind, Parameters<typeof caseAt>[1]> = {
    consultation: "referred",
    follow_up: "first_line",
    imaging: "referred",
    injection: "diagnosed",
    anaesthesia_assessment: "listed",
    arthroscopy: "assessed",
    dressing: "operated",
    physio: "operated",
  };

  it("books every slot the search offers, for every kind, from the operation day on (PO-3, PO-4, SX-2..SX-4)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(stageOf) as AppointmentKind[])),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("morning", "afternoon"),
        async (kind, fromDay, partOfDay) => {
          // The operation today: day 0 is in every search's range.
          const { caseId } = await caseAt(team, stageOf[kind], { operatedDaysAgo: 0 });
          const slots = await searchSlots(team.reception, {
            caseId,
            kind,
            from: dayFromToday(fromDay),
            days: 7,
            clinicianId: "any",
            partOfDay,
            limit: 3,
          } as Parameters<typeof searchSlots>[1]);
          for (const slot of slots.items) {
            const booked = await bookAppointment(team.reception, {
              caseId,
              kind,
              start: slot.start,
              clinicianId: slot.clinician?.id,
              anaesthetistId: slot.anaesthetist?.id,
              roomId: slot.room?.id,
            });
            await cancelAppointment(team.reception, booked.id, { reason: "Offered slot accepted: freed again" });
          }
        },
      ),
      { numRuns: 24 },
    );
  }, 120_000);

  it("offers no dressing on the operation day or before the first dressing is due (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 0 });
    const slots = await searchSlots(team.reception, {
      caseId,
      kind: "dressing",
      from: dayFromToday(0),
      days: 7,
      limit: 100,
    });
    const days = slots.items.map((s) => dayOf(new Date(s.start), siteZone));
    expect(days[0]).toBe(dayFromToday(2));
    expect(days.every((day) => [dayFromToday(2), dayFromToday(4), dayFromToday(6)].includes(day))).toBe(true);
  });

  it("refuses the search for an arthroscopy before the anaesthesia assessment, as the booking would (SX-2)", async () => {
    const { caseId } = await caseAt(team, "listed");
    await expect(search(caseId, "arthroscopy")).rejects.toMatchObject({ code: "SX-2" });
  });
});
