import { beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, setDb } from "@/lib/db/client";
import { formatTime } from "@/lib/domain/date-format";
import { DomainError } from "@/lib/domain/errors";
import { dayOf } from "@/lib/domain/time";
import { bookAppointment, moveAppointment } from "@/lib/services/appointments";
import { searchMoveSlots } from "@/lib/services/slot-search";
import { dayFromToday, siteAt, siteZone } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";

const prisma = setDb(createDb(inject("databaseUrl")));
let team: Team;
let rooms: { id: string; name: string }[];

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.nurse);
  rooms = await createRooms(prisma, team.reception, "consulting", 2);
  await createRooms(prisma, team.reception, "dressing");
});

/** A surgeon of their own, with one consultation at 10:00 to move and another patient's at 11:00 in the way. */
async function twoConsultations(days: number) {
  const [surgeon] = await createStaff(prisma, team.reception, "surgeon", 1);
  const mine = await caseAt(team, "referred");
  const theirs = await caseAt(team, "referred");
  const book = (caseId: string, hour: number, roomId: string) =>
    bookAppointment(team.reception, {
      caseId,
      kind: "consultation",
      start: siteAt(days, hour).toISOString(),
      clinicianId: surgeon!.id,
      roomId,
    });
  const moving = await book(mine.caseId, 10, rooms[0]!.id);
  const inTheWay = await book(theirs.caseId, 11, rooms[1]!.id);
  const other = await prisma.patient.findUniqueOrThrow({ where: { id: theirs.patientId } });
  return { surgeon: surgeon!, moving, inTheWay, otherName: other.familyName };
}

describe("moving an appointment", () => {
  it("offers the free times it can move to, with its own surgeon and room, around the other bookings", async () => {
    const { surgeon, moving } = await twoConsultations(2);
    const slots = await searchMoveSlots(team.reception, moving.id, { from: dayFromToday(2), days: 1, limit: 100 });
    const times = slots.items.map((s) => formatTime(s.start, siteZone));
    expect(slots.items.every((s) => s.clinician?.id === surgeon.id && s.room?.id === rooms[0]!.id)).toBe(true);
    // Its own time does not stand in its way; the 11:00 consultation does.
    expect(times).toContain("10:10");
    expect(times).toContain("10:40");
    expect(times).not.toContain("10:50");
    expect(times).not.toContain("11:10");
    expect(times).toContain("11:20");
  });

  it("offers a dressing's move only on the days up to its due day (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 0 });
    const dressing = await bookAppointment(team.nurse, {
      caseId,
      kind: "dressing",
      start: siteAt(2, 9).toISOString(),
    });
    const slots = await searchMoveSlots(team.nurse, dressing.id, { from: dayFromToday(0), days: 7, limit: 100 });
    const days = new Set(slots.items.map((s) => dayOf(new Date(s.start), siteZone)));
    expect([...days].every((d) => d === dayFromToday(1) || d === dayFromToday(2))).toBe(true);
    expect(days.has(dayFromToday(2))).toBe(true);
  });

  it("refuses a move onto another booking naming the surgeon and the appointment in the way, never its patient, with the 3 nearest free times (SC-1)", async () => {
    const { surgeon, moving, otherName } = await twoConsultations(3);
    const refused = await moveAppointment(team.reception, moving.id, {
      start: siteAt(3, 11, 5).toISOString(),
      reason: "Patient asked for later",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    const error = refused as DomainError;
    expect(error.code).toBe("SC-1");
    expect(error.message).toContain(surgeon.name);
    expect(error.message).toMatch(/consultation/i);
    expect(error.message).toContain("11:00");
    expect(error.message).not.toContain(otherName);
    const nearest = (error.extra.nearest as { start: string }[]).map((n) => formatTime(n.start, siteZone));
    // 11:05 asked; the 11:00-11:20 consultation is in the way; free: 10:40 (25 min off), 11:20 (15), 11:30 (25).
    expect(nearest).toEqual(["10:40", "11:20", "11:30"]);
    const moved = await moveAppointment(team.reception, moving.id, {
      start: (error.extra.nearest as { start: string }[])[1]!.start,
      reason: "Patient asked for later",
    });
    expect(formatTime(moved.start, siteZone)).toBe("11:20");
  });

  it("refuses a move outside the surgeon's hours with the nearest free times inside them (SC-2)", async () => {
    const { moving } = await twoConsultations(4);
    const refused = await moveAppointment(team.reception, moving.id, {
      start: siteAt(4, 21).toISOString(),
      reason: "Evening asked",
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "SC-2" });
    const nearest = ((refused as DomainError).extra.nearest as { start: string }[]).map((n) =>
      formatTime(n.start, siteZone),
    );
    // Hours end at 20:00: the last 20-minute starts are 19:40, 19:30, 19:20.
    expect(nearest).toEqual(["19:20", "19:30", "19:40"]);
  });
});
