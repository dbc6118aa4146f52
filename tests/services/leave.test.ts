// Leave and other dated hours of staff: over a range of calendar days, with the bookings it would
// clash with listed before it is saved (SC-2), and removable.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/domain/errors";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { addHoursException, leaveClashes, removeHoursExceptions, staffHours } from "@/lib/services/hours";
import { dayFromToday, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms, createStaff } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
  await createRooms(prisma, team.reception, "consulting", 3);
});

/** A surgeon of the clinic's site with hours every day 07:00-20:00 and nothing booked. */
const newSurgeon = async () => (await createStaff(prisma, team.reception, "surgeon", 1))[0]!;

async function consultation(surgeon: Actor, start: Date) {
  const { caseId, patientId } = await caseAt(team, "referred");
  const booked = await bookAppointment(team.reception, {
    caseId,
    kind: "consultation",
    start: start.toISOString(),
    clinicianId: surgeon.id,
  });
  const patient = await prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
  return { id: booked.id, patient };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("leave over a range of days", () => {
  it("records each calendar day from the first to the last, both included, in the site's days", async () => {
    const surgeon = await newSurgeon();
    const hours = await addHoursException(admin, surgeon.id, {
      onDate: dayFromToday(20),
      untilDate: dayFromToday(23),
      reason: "Annual leave",
    });
    expect(hours.exceptions).toEqual(
      [20, 21, 22, 23].map((n) => ({
        id: expect.any(String),
        onDate: dayFromToday(n),
        startsAt: null,
        endsAt: null,
        reason: "Annual leave",
      })),
    );
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: surgeon.id, action: "staff.hours.exception" },
    });
    expect(audit.detail).toMatchObject({ from: dayFromToday(20), until: dayFromToday(23), days: 4 });
  });

  it("a half day over a range keeps its times on each day, and replaces what was on those days", async () => {
    const surgeon = await newSurgeon();
    await addHoursException(admin, surgeon.id, { onDate: dayFromToday(30), reason: "Course" });
    const hours = await addHoursException(admin, surgeon.id, {
      onDate: dayFromToday(30),
      untilDate: dayFromToday(31),
      startsAt: "08:00",
      endsAt: "12:30",
      reason: "Mornings only",
    });
    expect(hours.exceptions.map((e) => [e.onDate, e.startsAt, e.endsAt, e.reason])).toEqual([
      [dayFromToday(30), "08:00", "12:30", "Mornings only"],
      [dayFromToday(31), "08:00", "12:30", "Mornings only"],
    ]);
  });

  it("a booking on a leave day is refused as outside the surgeon's hours (SC-2)", async () => {
    const surgeon = await newSurgeon();
    await addHoursException(admin, surgeon.id, {
      onDate: dayFromToday(40),
      untilDate: dayFromToday(41),
      reason: "Off",
    });
    const error = await refusal(consultation(surgeon, siteAt(41, 10)));
    expect(error.code).toBe("SC-2");
  });
});

describe("the bookings a new leave would clash with (SC-2)", () => {
  it("lists each booked appointment of the staff member outside the leave's hours: day, time, kind and patient", async () => {
    const surgeon = await newSurgeon();
    const early = await consultation(surgeon, siteAt(50, 9));
    const late = await consultation(surgeon, siteAt(51, 15));
    const inside = await consultation(surgeon, siteAt(51, 9));
    const cancelled = await consultation(surgeon, siteAt(50, 11));
    await cancelAppointment(team.reception, cancelled.id, { reason: "Patient asked" });
    const outside = await consultation(surgeon, siteAt(52, 9));

    const clashes = await leaveClashes(admin, surgeon.id, { onDate: dayFromToday(50), untilDate: dayFromToday(51) });
    expect(clashes.clashes).toEqual([
      {
        appointmentId: early.id,
        day: dayFromToday(50),
        start: siteAt(50, 9).toISOString(),
        end: expect.any(String),
        kind: "consultation",
        patient: {
          id: early.patient.id,
          mrn: early.patient.mrn,
          name: expect.stringContaining(early.patient.givenName),
        },
      },
      expect.objectContaining({ appointmentId: inside.id, day: dayFromToday(51) }),
      expect.objectContaining({ appointmentId: late.id, day: dayFromToday(51) }),
    ]);
    // Mornings only on those days: the 09:00 consultations fit, the 15:00 one does not.
    const halfDays = await leaveClashes(admin, surgeon.id, {
      onDate: dayFromToday(50),
      untilDate: dayFromToday(51),
      startsAt: "08:00",
      endsAt: "12:00",
    });
    expect(halfDays.clashes.map((c) => c.appointmentId)).toEqual([late.id]);
    expect(clashes.clashes.map((c) => c.appointmentId)).not.toContain(outside.id);
  });

  it("refuses leave that clashes with bookings unless the clash is confirmed, writing nothing (SC-2)", async () => {
    const surgeon = await newSurgeon();
    const booked = await consultation(surgeon, siteAt(60, 10));
    const audits = await prisma.auditEvent.count({ where: { entityId: surgeon.id } });
    const error = await refusal(
      addHoursException(admin, surgeon.id, { onDate: dayFromToday(59), untilDate: dayFromToday(61), reason: "Off" }),
    );
    expect(error.code).toBe("SC-2");
    expect(error.extra.clashes).toEqual([expect.objectContaining({ appointmentId: booked.id })]);
    expect(await prisma.workingHoursException.count({ where: { staffId: surgeon.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: surgeon.id } })).toBe(audits);

    const hours = await addHoursException(admin, surgeon.id, {
      onDate: dayFromToday(59),
      untilDate: dayFromToday(61),
      reason: "Off",
      acceptClashes: true,
    });
    expect(hours.exceptions).toHaveLength(3);
    // The bookings stay, for reception to move: leave never cancels an appointment by itself.
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("booked");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: surgeon.id, action: "staff.hours.exception" },
    });
    expect(audit.detail).toMatchObject({ clashes: 1 });
  });
});

describe("removing leave", () => {
  it("removes the staff member's dated hours over a range of days, audited, and leaves the other days", async () => {
    const surgeon = await newSurgeon();
    await addHoursException(admin, surgeon.id, {
      onDate: dayFromToday(70),
      untilDate: dayFromToday(74),
      reason: "Off",
    });
    const hours = await removeHoursExceptions(admin, surgeon.id, {
      onDate: dayFromToday(71),
      untilDate: dayFromToday(73),
    });
    expect(hours.exceptions.map((e) => e.onDate)).toEqual([dayFromToday(70), dayFromToday(74)]);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: surgeon.id, action: "staff.hours.exception_removed" },
    });
    expect(audit.detail).toMatchObject({ from: dayFromToday(71), until: dayFromToday(73), days: 3 });
    expect((await staffHours(surgeon.id)).exceptions).toHaveLength(2);
  });

  it("says so when there is nothing to remove on those days, and writes nothing", async () => {
    const surgeon = await newSurgeon();
    const error = await refusal(removeHoursExceptions(admin, surgeon.id, { onDate: dayFromToday(80) }));
    expect(error.code).toBe("NOT_FOUND");
    expect(
      await prisma.auditEvent.count({ where: { entityId: surgeon.id, action: { startsWith: "staff.hours" } } }),
    ).toBe(0);
  });
});
