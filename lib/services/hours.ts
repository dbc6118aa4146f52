// Working hours of staff (a weekly pattern in site time, plus dated exceptions such as leave)
// and opening hours of rooms, managed by the administrator.
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { DomainError, notFound, notFoundBecause } from "@/lib/domain/errors";
import { ruleCatalogue } from "@/lib/domain/rules";
import { checkWithinHours, windowsOn } from "@/lib/domain/scheduling";
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";
import type { HoursExceptionInput, LeaveClash, LeaveQuery, WeeklyHoursInput } from "@/lib/schemas/hours";
import { recordAudit, recordListRead } from "./audit";
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

const daysOf = (input: { onDate: Day; untilDate?: Day }): Day[] => {
  const days = [input.onDate];
  while (days.at(-1)! < (input.untilDate ?? input.onDate)) days.push(addDays(days.at(-1)!, 1));
  return days;
};

/** Booked appointments of the staff member that fall outside the hours given for those days (SC-2). */
async function clashesIn(tx: Tx, staffId: string, leave: LeaveQuery): Promise<LeaveClash[]> {
  const staff = await tx.staff.findUnique({ where: { id: staffId }, include: { site: true } });
  if (!staff) throw notFound("The staff member");
  const zone = staff.site.timeZone;
  const last = leave.untilDate ?? leave.onDate;
  // Both ends in the site's days: the first day's midnight to the midnight after the last.
  const rows = await tx.appointment.findMany({
    where: {
      status: "booked",
      OR: [{ clinicianId: staffId }, { anaesthetistId: staffId }],
      startsAt: { lt: instantAt(addDays(last, 1), 0, 0, zone) },
      endsAt: { gt: instantAt(leave.onDate, 0, 0, zone) },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: { patient: true },
  });
  return rows.flatMap((a) => {
    const day = dayOf(a.startsAt, zone);
    const hours = { onDate: day, startsAt: leave.startsAt ?? null, endsAt: leave.endsAt ?? null };
    if (!checkWithinHours({ start: a.startsAt, end: a.endsAt }, windowsOn(day, [], zone, hours), "the")) return [];
    return [
      {
        appointmentId: a.id,
        day,
        start: a.startsAt.toISOString(),
        end: a.endsAt.toISOString(),
        kind: a.kind,
        patient: {
          id: a.patient.id,
          mrn: a.patient.mrn,
          name: `${a.patient.familyName.toUpperCase()}, ${a.patient.givenName}`,
        },
      },
    ];
  });
}

/**
 * The booked appointments (as clinician or anaesthetist) that would fall outside the staff
 * member's hours if this leave were saved: day (site time), start and end instants, kind and the
 * patient (id, MRN, name), in time order. Audited as a read of those patients.
 * Errors: `not_found` for an unknown staff member.
 */
export async function leaveClashes(
  actor: Actor,
  staffId: string,
  leave: LeaveQuery,
): Promise<{ clashes: LeaveClash[] }> {
  return db().$transaction(async (tx) => {
    const clashes = await clashesIn(tx, staffId, leave);
    await recordListRead(tx, actor, {
      action: "staff.leave.clashes",
      entity: "appointment",
      itemPatientIds: clashes.map((c) => c.patient.id),
    });
    return { clashes };
  });
}

/**
 * Leave (no times) or other hours on each day from `onDate` to `untilDate` (both included, site
 * days), replacing what was recorded on those days. SC-2: when booked appointments would fall
 * outside these hours, refused with `rule` SC-2 and `clashes` (as `leaveClashes`), nothing
 * written, unless `acceptClashes`: the bookings then stay, for reception to move.
 * Errors: `not_found` for an unknown staff member; `rule` SC-2.
 */
export async function addHoursException(actor: Actor, staffId: string, input: HoursExceptionInput) {
  await db().$transaction(async (tx) => {
    // Queued on the staff member's row, so two entries for the same days land one after the other.
    await tx.$queryRaw`SELECT id FROM staff WHERE id = ${staffId}::uuid FOR UPDATE`;
    const clashes = await clashesIn(tx, staffId, input);
    if (clashes.length > 0 && !input.acceptClashes) {
      const count = clashes.length === 1 ? "1 booked appointment falls" : `${clashes.length} booked appointments fall`;
      throw new DomainError(
        "rule",
        "SC-2",
        `${count} outside these hours. Confirm to save them anyway (the appointments stay booked, to move), or move them first.`,
        { rule: ruleCatalogue["SC-2"], clashes },
      );
    }
    const data = {
      startsAt: input.startsAt ? time(input.startsAt) : null,
      endsAt: input.endsAt ? time(input.endsAt) : null,
      reason: input.reason,
    };
    const days = daysOf(input);
    for (const day of days) {
      await tx.workingHoursException.upsert({
        where: { staffId_onDate: { staffId, onDate: dateColumn(day) } },
        create: { staffId, onDate: dateColumn(day), ...data },
        update: data,
      });
    }
    await recordAudit(tx, actor, [
      {
        action: "staff.hours.exception",
        entity: "staff",
        entityId: staffId,
        detail: { from: days[0]!, until: days.at(-1)!, days: days.length, clashes: clashes.length },
      },
    ]);
  });
  return staffHours(staffId);
}

/**
 * Removes the leave or other hours recorded for the staff member on each day from `onDate` to
 * `untilDate` (both included); those days follow the weekly hours again. Audited.
 * Errors: `not_found` for an unknown staff member, or when nothing is recorded on those days.
 */
export async function removeHoursExceptions(actor: Actor, staffId: string, range: { onDate: Day; untilDate?: Day }) {
  await db().$transaction(async (tx) => {
    if (!(await tx.staff.findUnique({ where: { id: staffId } }))) throw notFound("The staff member");
    const until = range.untilDate ?? range.onDate;
    const removed = await tx.workingHoursException.deleteMany({
      where: { staffId, onDate: { gte: dateColumn(range.onDate), lte: dateColumn(until) } },
    });
    if (removed.count === 0) throw notFoundBecause("No leave or other hours are recorded on those days.");
    await recordAudit(tx, actor, [
      {
        action: "staff.hours.exception_removed",
        entity: "staff",
        entityId: staffId,
        detail: { from: range.onDate, until, days: removed.count },
      },
    ]);
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
