// Working hours of staff (a weekly pattern in site time, plus dated exceptions such as leave)
// and opening hours of rooms, managed by the administrator.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { notFound } from "@/lib/domain/errors";
import type { WeeklyHoursInput } from "@/lib/schemas/hours";
import { recordAudit } from "./audit";
import type { RoomKind } from "@/lib/domain/vocabulary";

const time = (clock: string) => new Date(`1970-01-01T${clock}:00Z`);
const clock = (value: Date) => value.toISOString().slice(11, 16);
const weeklyView = (rows: { weekday: number; startsAt: Date; endsAt: Date }[]) =>
  rows
    .sort((a, b) => a.weekday - b.weekday || a.startsAt.getTime() - b.startsAt.getTime())
    .map((r) => ({ weekday: r.weekday, startsAt: clock(r.startsAt), endsAt: clock(r.endsAt) }));

export async function staffHours(staffId: string) {
  const staff = await db().staff.findUnique({
    where: { id: staffId },
    include: { workingHours: true, hourExceptions: { orderBy: { onDate: "asc" } } },
  });
  if (!staff) throw notFound("The staff member");
  return {
    weekly: weeklyView(staff.workingHours),
    exceptions: staff.hourExceptions.map((e) => ({
      id: e.id,
      onDate: dayOfColumn(e.onDate),
      startsAt: e.startsAt && clock(e.startsAt),
      endsAt: e.endsAt && clock(e.endsAt),
      reason: e.reason,
    })),
  };
}

export async function setStaffHours(actor: Actor, staffId: string, input: WeeklyHoursInput) {
  await db().$transaction(async (tx) => {
    if (!(await tx.staff.findUnique({ where: { id: staffId } }))) throw notFound("The staff member");
    await tx.workingHours.deleteMany({ where: { staffId } });
    await tx.workingHours.createMany({
      data: input.weekly.map((p) => ({
        staffId,
        weekday: p.weekday,
        startsAt: time(p.startsAt),
        endsAt: time(p.endsAt),
      })),
    });
    await recordAudit(tx, actor, [{ action: "staff.hours.set", entity: "staff", entityId: staffId }]);
  });
  return staffHours(staffId);
}

export async function addHoursException(
  actor: Actor,
  staffId: string,
  input: { onDate: string; startsAt?: string; endsAt?: string; reason: string },
) {
  await db().$transaction(async (tx) => {
    if (!(await tx.staff.findUnique({ where: { id: staffId } }))) throw notFound("The staff member");
    const data = {
      startsAt: input.startsAt ? time(input.startsAt) : null,
      endsAt: input.endsAt ? time(input.endsAt) : null,
      reason: input.reason,
    };
    await tx.workingHoursException.upsert({
      where: { staffId_onDate: { staffId, onDate: dateColumn(input.onDate) } },
      create: { staffId, onDate: dateColumn(input.onDate), ...data },
      update: data,
    });
    await recordAudit(tx, actor, [{ action: "staff.hours.exception", entity: "staff", entityId: staffId }]);
  });
  return staffHours(staffId);
}

export async function roomHours(roomId: string) {
  const room = await db().room.findUnique({ where: { id: roomId }, include: { hours: true } });
  if (!room) throw notFound("The room");
  return { weekly: weeklyView(room.hours), exceptions: [] };
}

export async function setRoomHours(actor: Actor, roomId: string, input: WeeklyHoursInput) {
  await db().$transaction(async (tx) => {
    if (!(await tx.room.findUnique({ where: { id: roomId } }))) throw notFound("The room");
    await tx.roomHours.deleteMany({ where: { roomId } });
    await tx.roomHours.createMany({
      data: input.weekly.map((p) => ({
        roomId,
        weekday: p.weekday,
        startsAt: time(p.startsAt),
        endsAt: time(p.endsAt),
      })),
    });
    await recordAudit(tx, actor, [{ action: "room.hours.set", entity: "room", entityId: roomId }]);
  });
  return roomHours(roomId);
}

export async function createRoom(actor: Actor, input: { name: string; kind: RoomKind }) {
  return db().$transaction(async (tx) => {
    const { siteId } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id } });
    const room = await tx.room.create({ data: { ...input, siteId } });
    await recordAudit(tx, actor, [{ action: "room.create", entity: "room", entityId: room.id }]);
    return { id: room.id, name: room.name, kind: room.kind };
  });
}
