import { beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, setDb } from "@/lib/db/client";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import { getAppointment, listAppointments } from "@/lib/services/calendar";
import { getCase } from "@/lib/services/cases";
import { dayFromToday, siteAt } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";
import { answered, asAnswered } from "../setup/answered";

// Up to 50 connections, so that simultaneous bookings really race in the database.
const prisma = setDb(createDb(inject("databaseUrl"), { connections: 50 }));
let team: Team;
let consulting: { id: string }[];

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  consulting = await createRooms(prisma, team.reception, "consulting", 2);
  await createRooms(prisma, team.reception, "imaging");
  await createRooms(prisma, team.reception, "theatre");
  await createRooms(prisma, team.reception, "dressing");
  await createRooms(prisma, team.reception, "physio");
});

const consultation = (caseId: string, start: Date, extra: Record<string, string> = {}) =>
  bookAppointment(team.reception, { caseId, kind: "consultation", start: start.toISOString(), ...extra });

describe("booking against the database", () => {
  it("lets exactly one of 50 simultaneous bookings of one surgeon at one minute through; the rest get 409 (SC-1)", async () => {
    const cases = await Promise.all(Array.from({ length: 50 }, () => caseAt(team, "referred")));
    const start = siteAt(3, 10);
    const rooms = await createRooms(prisma, team.reception, "consulting", 50);
    const results = await Promise.allSettled(
      cases.map((c, i) => consultation(c.caseId, start, { clinicianId: team.surgeon.id, roomId: rooms[i]!.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals)
      expect(answered(refusal)).toMatchObject({
        status: 409,
        code: "SC-1",
        extra: { conflicts: [expect.objectContaining({ resource: "clinician" })] },
      });
  });

  it("lets exactly one of 50 simultaneous bookings of one room at one minute through (SC-1)", async () => {
    const cases = await Promise.all(Array.from({ length: 50 }, () => caseAt(team, "referred")));
    const surgeons = await createStaff(prisma, team.reception, "surgeon", 50);
    const start = siteAt(4, 11);
    const results = await Promise.allSettled(
      cases.map((c, i) => consultation(c.caseId, start, { clinicianId: surgeons[i]!.id, roomId: consulting[0]!.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) =>
        r.reason.code === "SC-1" ? "SC-1" : JSON.stringify(r.reason.meta ?? r.reason.message).slice(0, 400),
      );
    expect(codes.filter((c) => c !== "SC-1")).toEqual([]);
  });

  it("lets exactly one of 50 simultaneous bookings of one patient at one minute through (SC-1)", async () => {
    const first = await caseAt(team, "referred");
    const surgeons = await createStaff(prisma, team.reception, "surgeon", 50);
    const rooms = await createRooms(prisma, team.reception, "consulting", 50);
    // The same patient's other ankle cases, so that no case lock puts the requests in a queue.
    const cases = [first.caseId];
    for (let i = 1; i < 50; i++) {
      const other = await prisma.clinicalCase.create({
        data: {
          patientId: first.patientId,
          siteId: (await prisma.clinicalCase.findUniqueOrThrow({ where: { id: first.caseId } })).siteId,
          side: "right",
          mechanism: "unknown",
          referredOn: siteAt(0, 0),
          createdById: team.reception.id,
        },
      });
      cases.push(other.id);
    }
    const start = siteAt(5, 12);
    const results = await Promise.allSettled(
      cases.map((caseId, i) => consultation(caseId, start, { clinicianId: surgeons[i]!.id, roomId: rooms[i]!.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reasons = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    const others = reasons.filter(
      (r) => !(r.code === "SC-1" && r.extra.conflicts.some((c: { resource: string }) => c.resource === "patient")),
    );
    expect(others.map((r) => `${r.code ?? ""} ${r.message}`)).toEqual([]);
  });

  it("finds the clinician and room itself when none is named, inside their hours (SC-2, SC-3)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await consultation(caseId, siteAt(6, 9, 30));
    const booked = await getAppointment(team.reception, id);
    expect(booked.clinician?.name).toBeTruthy();
    expect(booked.room?.name).toMatch(/^consulting/);
    expect(new Date(booked.end).getTime() - new Date(booked.start).getTime()).toBe(20 * 60_000);
  });

  it("refuses a booking outside the surgeon's hours and writes nothing (SC-2)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const before = await prisma.appointment.count({ where: { caseId } });
    await expect(
      asAnswered(consultation(caseId, siteAt(6, 19, 50), { clinicianId: team.surgeon.id, roomId: consulting[1]!.id })),
    ).rejects.toMatchObject({ status: 422, code: "SC-2" });
    expect(await prisma.appointment.count({ where: { caseId } })).toBe(before);
  });

  it("moves with a reason and keeps the history; cancels without deleting (SC-4)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await consultation(caseId, siteAt(7, 10), {
      clinicianId: team.surgeon.id,
      roomId: consulting[1]!.id,
    });
    await moveAppointment(team.reception, id, {
      start: siteAt(7, 11).toISOString(),
      reason: "Patient asked for later",
    });
    await cancelAppointment(team.reception, id, { reason: "Patient unwell" });
    const appointment = await getAppointment(team.reception, id);
    expect(appointment.status).toBe("cancelled");
    expect(appointment.history.map((h) => [h.action, h.reason])).toEqual([
      ["booked", null],
      ["moved", "Patient asked for later"],
      ["cancelled", "Patient unwell"],
    ]);
    const listed = await listAppointments(team.reception, { caseId, limit: 10 });
    expect(listed.items.map((a) => a.status)).toEqual(["cancelled"]);
    // The cancelled booking frees the time.
    await consultation(caseId, siteAt(7, 11), { clinicianId: team.surgeon.id, roomId: consulting[1]!.id });
  });

  it("refuses a move outside the surgeon's hours and changes nothing (SC-2)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await consultation(caseId, siteAt(8, 15), {
      clinicianId: team.surgeon.id,
      roomId: consulting[0]!.id,
    });
    await expect(
      moveAppointment(team.reception, id, { start: siteAt(8, 6).toISOString(), reason: "Earlier please" }),
    ).rejects.toMatchObject({ code: "SC-2" });
    const unchanged = await getAppointment(team.reception, id);
    expect(unchanged.start).toBe(siteAt(8, 15).toISOString());
    expect(unchanged.history.map((h) => h.action)).toEqual(["booked"]);
  });

  it("refuses a move or cancellation without a reason, changing nothing (SC-4)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await consultation(caseId, siteAt(8, 10), {
      clinicianId: team.surgeon.id,
      roomId: consulting[1]!.id,
    });
    await expect(
      moveAppointment(team.reception, id, { start: siteAt(8, 12).toISOString(), reason: " " }),
    ).rejects.toMatchObject({ code: "SC-4" });
    await expect(cancelAppointment(team.reception, id, { reason: "" })).rejects.toMatchObject({ code: "SC-4" });
    expect((await getAppointment(team.reception, id)).history).toHaveLength(1);
  });

  it("books an arthroscopy with surgeon, anaesthetist and theatre together and schedules the case (SX-2, SX-4)", async () => {
    const { caseId } = await caseAt(team, "assessed");
    const { id } = await bookAppointment(team.reception, {
      caseId,
      kind: "arthroscopy",
      start: siteAt(9, 8).toISOString(),
      admission: "day_case",
    });
    const booked = await getAppointment(team.reception, id);
    expect(booked.clinician && booked.anaesthetist && booked.room).toBeTruthy();
    expect(booked.admission).toBe("day_case");
    expect((await getCase(team.surgeon, caseId)).status).toBe("scheduled");
    await cancelAppointment(team.reception, id, { reason: "Theatre closed" });
    expect((await getCase(team.surgeon, caseId)).status).toBe("assessed");
  });

  it("keeps a dressing on its due day: a move later is refused and changes nothing (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 0 });
    const due = dayFromToday(2);
    const { id } = await bookAppointment(team.nurse, { caseId, kind: "dressing", start: siteAt(2, 9).toISOString() });
    expect((await getAppointment(team.nurse, id)).dressingDueOn).toBe(due);
    await expect(
      moveAppointment(team.nurse, id, { start: siteAt(3, 9).toISOString(), reason: "Nurse busy" }),
    ).rejects.toMatchObject({ code: "PO-3" });
    expect((await getAppointment(team.nurse, id)).start).toBe(siteAt(2, 9).toISOString());
  });

  it("refuses a nurse booking a consultation (403) and a physio session before D1 (PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 0 });
    await expect(
      asAnswered(bookAppointment(team.nurse, { caseId, kind: "consultation", start: siteAt(1, 9).toISOString() })),
    ).rejects.toMatchObject({ status: 403 });
    // Day 0 at 19:00, with the clock at the start of day 0, so that the time itself is still to come.
    await expect(
      asAnswered(
        bookAppointment(team.physio, { caseId, kind: "physio", start: siteAt(0, 19).toISOString() }, siteAt(0, 0)),
      ),
    ).rejects.toMatchObject({ status: 422, code: "PO-4" });
    const tomorrow = await bookAppointment(team.physio, { caseId, kind: "physio", start: siteAt(1, 9).toISOString() });
    expect(tomorrow.id).toBeTruthy();
  });
});
