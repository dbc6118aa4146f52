import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";

const time = (h: number) => new Date(Date.UTC(1970, 0, 1, h, 0, 0));
const everyDay = [1, 2, 3, 4, 5, 6, 7];

/** Gives staff working hours every day, 07:00-20:00 site time. */
export async function giveHours(prisma: Db, ...staff: Actor[]) {
  for (const s of staff) {
    await prisma.workingHours.createMany({
      data: everyDay.map((weekday) => ({ staffId: s.id, weekday, startsAt: time(7), endsAt: time(20) })),
    });
  }
}

/** Rooms of a kind on the actor's site, open every day 07:00-20:00. */
export async function createRooms(
  prisma: Db,
  siteOf: Actor,
  kind: "theatre" | "consulting" | "imaging" | "physio" | "dressing",
  count = 1,
) {
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: siteOf.id } });
  const rooms = [];
  for (let i = 0; i < count; i++) {
    rooms.push(
      await prisma.room.create({
        data: {
          siteId,
          kind,
          name: `${kind} ${randomUUID().slice(0, 8)}`,
          hours: { create: everyDay.map((weekday) => ({ weekday, startsAt: time(7), endsAt: time(20) })) },
        },
      }),
    );
  }
  return rooms;
}

/** More staff of a role on the actor's site, with hours. */
export async function createStaff(
  prisma: Db,
  siteOf: Actor,
  role: "surgeon" | "nurse" | "physio" | "anaesthetist",
  count: number,
): Promise<Actor[]> {
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: siteOf.id } });
  const staff: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const s = await prisma.staff.create({
      data: { siteId, role, name: `${role} ${i}`, email: `${role}-${randomUUID()}@test.clinic`, passwordHash: "x" },
    });
    staff.push({ id: s.id, name: s.name, role });
  }
  await giveHours(prisma, ...staff);
  return staff;
}
