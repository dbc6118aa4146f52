import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/services/appointments";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";
import { dressingRound } from "@/lib/services/dressing-round";
import {
  recordDressing,
  recordDressingVisit,
  recordPhysioSession,
  replaceMissedDressing,
} from "@/lib/services/recovery";
import { acknowledgeAlerts, recoveryBoard } from "@/lib/services/recovery-board";
import { getCase } from "@/lib/services/cases";
import { testDatabase } from "../setup/db";
import { dayFromToday, siteAt, today } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, giveHours } from "../setup/scheduling";
import { asAnswered } from "../setup/answered";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  await createRooms(prisma, team.reception, "dressing", 2);
  await createRooms(prisma, team.reception, "physio");
});

// The clock the services are given: the start and the end of today in London, whatever the hour.
const morning = () => siteAt(0, 0);
const evening = () => siteAt(0, 23, 59);
let nextSlot = 0;

/** A home dressing today for a patient operated 2 days ago (due D2), each at its own time. */
async function dressingDueToday() {
  const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
  const start = siteAt(0, 8, 0);
  start.setUTCMinutes(start.getUTCMinutes() + 30 * nextSlot++);
  const appointment = await bookAppointment(
    team.nurse,
    { caseId, kind: "dressing", start: start.toISOString(), homeVisit: true },
    morning(),
  );
  return { caseId, appointmentId: appointment.id };
}

describe("recovery against the database", () => {
  it("records a dressing, starts the recovery and plans the next visit past D14 while not healed (PO-3)", async () => {
    const { caseId, appointmentId } = await dressingDueToday();
    const result = await recordDressing(team.nurse, appointmentId, { woundState: "clean_dry" }, evening());
    expect(result).toMatchObject({ woundState: "clean_dry", seriesEnded: false, nextDueOn: null });
    expect((await getCase(team.surgeon, caseId)).status).toBe("recovery");
    await expect(recordDressing(team.nurse, appointmentId, { woundState: "clean_dry" })).rejects.toMatchObject({
      code: "PW-3",
    });
  });

  it("ends the series when the wound is healed and cancels the remaining visits with that reason (PO-3)", async () => {
    const { caseId, appointmentId } = await dressingDueToday();
    const later = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(2, 10).toISOString(), homeVisit: true },
      morning(),
    );
    await recordDressing(team.nurse, appointmentId, { woundState: "healed" }, evening());
    const cancelled = await prisma.appointment.findUniqueOrThrow({
      where: { id: later.id },
      include: { events: true },
    });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.events.at(-1)).toMatchObject({ action: "cancelled", reason: "Wound healed" });
    expect(await prisma.dressingVisit.count({ where: { caseId, status: "planned" } })).toBe(0);
  });

  it("raises signs of infection on the surgeon's board at once, until acknowledged with a note (PO-3)", async () => {
    const { caseId, appointmentId } = await dressingDueToday();
    await recordDressing(
      team.nurse,
      appointmentId,
      { woundState: "signs_of_infection", notes: "Redness around the lateral portal" },
      evening(),
    );
    const row = (await recoveryBoard(team.surgeon)).items.find((i) => i.caseId === caseId)!;
    const infection = row.alerts.find((a) => a.kind === "infection")!;
    expect(infection.rule).toBe("PO-3");
    await acknowledgeAlerts(team.surgeon, caseId, { keys: [infection.key], note: "Antibiotics started" });
    const after = (await recoveryBoard(team.surgeon)).items.find((i) => i.caseId === caseId)!;
    expect(after.alerts.find((a) => a.kind === "infection")).toBeUndefined();
  });

  it("flags a missed dressing the day after and replaces it the next day (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const d2 = await prisma.dressingVisit.findFirstOrThrow({
      where: { caseId, dueOn: new Date(`${dayFromToday(-1)}T00:00:00Z`) },
    });
    const row = (await recoveryBoard(team.surgeon)).items.find((i) => i.caseId === caseId)!;
    expect(row.alerts.map((a) => a.key)).toContain(`missed:${d2.id}`);
    const replacement = await replaceMissedDressing(team.nurse, caseId, d2.id);
    expect(replacement.dueOn).toBe(today());
    expect((await prisma.dressingVisit.findUniqueOrThrow({ where: { id: d2.id } })).status).toBe("missed");
    const booked = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(0, 18, 0).toISOString(), homeVisit: true },
      morning(),
    );
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })).dressingVisitId).toBe(
      replacement.id,
    );
  });

  it("flags physiotherapy not started by D7 and still on crutches after D15 (PO-1, PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 16 });
    const kinds = (await recoveryBoard(team.surgeon)).items.find((i) => i.caseId === caseId)!.alerts.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(["crutches", "physio"]));
  });

  it("books a late first physiotherapy session at day 12, and flags it until it is held (PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 12 });
    const alerts = async () =>
      (await recoveryBoard(team.surgeon)).items.find((i) => i.caseId === caseId)!.alerts.map((a) => a.kind);
    expect(await alerts()).toContain("physio");
    const first = await bookAppointment(team.physio, { caseId, kind: "physio", start: siteAt(1, 9).toISOString() });
    expect(
      (await prisma.appointment.findUniqueOrThrow({ where: { id: first.id }, include: { physioSession: true } }))
        .physioSession?.number,
    ).toBe(1);
    expect(await alerts()).toContain("physio");
    await recordPhysioSession(team.physio, first.id, { notes: "First session" }, siteAt(1, 12));
    expect(await alerts()).not.toContain("physio");
  });

  it("proposes a late first physiotherapy session in the series as soon as a physiotherapist is free (PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 12 });
    const { items } = await bookPostOperativeSeries(team.physio, caseId, { physioTime: "15:15", preview: true });
    const first = items.find((i) => i.kind === "physio" && i.label.startsWith("Physiotherapy session 1 "))!;
    expect(first).toMatchObject({ day: dayFromToday(1) });
    expect(first.problem).toBeUndefined();
  });

  it("records a physiotherapy session on its day (PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const session = await bookAppointment(team.physio, { caseId, kind: "physio", start: siteAt(1, 10).toISOString() });
    await expect(recordPhysioSession(team.physio, session.id, { notes: "Range of motion" })).rejects.toMatchObject({
      code: "PW-1",
    });
    const recorded = await recordPhysioSession(
      team.physio,
      session.id,
      { notes: "Range of motion", exercises: "Calf raises" },
      siteAt(1, 12),
    );
    expect(recorded.id).toBeTruthy();
  });

  it("lists the day's dressing round in time order with each patient's day since the operation", async () => {
    await dressingDueToday();
    const round = await dressingRound(team.nurse, today());
    expect(round.items.length).toBeGreaterThan(0);
    expect(round.items.map((i) => i.start)).toEqual([...round.items.map((i) => i.start)].sort());
  });

  it("lists every dressing due today, booked or not, with the last wound state: signs of infection included (PO-3)", async () => {
    // Operated four days ago: the D2 dressing was booked and recorded with signs of infection,
    // and the D4 dressing, due today, was never booked.
    const infected = await caseAt(team, "operated", { operatedDaysAgo: 4 });
    const d2 = await bookAppointment(
      team.nurse,
      { caseId: infected.caseId, kind: "dressing", start: siteAt(-2, 19, 30).toISOString(), homeVisit: true },
      siteAt(-2, 0),
    );
    await recordDressing(team.nurse, d2.id, { woundState: "signs_of_infection", notes: "Redness" }, siteAt(-2, 23));
    const unbooked = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const booked = await dressingDueToday();

    const round = await dressingRound(team.nurse, today());
    const item = (caseId: string) => round.items.find((i) => i.caseId === caseId);
    expect(item(infected.caseId)).toMatchObject({
      appointmentId: null,
      start: null,
      dueOn: today(),
      day: 4,
      lastWoundState: "signs_of_infection",
      recorded: null,
    });
    expect(item(unbooked.caseId)).toMatchObject({ appointmentId: null, dueOn: today(), day: 2, lastWoundState: null });
    expect(item(unbooked.caseId)!.visitId).toBeTruthy();
    expect(item(booked.caseId)).toMatchObject({ appointmentId: booked.appointmentId, dueOn: today() });
    expect(
      await prisma.auditEvent.count({
        where: { action: "dressing.round", patientIds: { has: infected.patientId }, actorId: team.nurse.id },
      }),
    ).toBe(1); // the one round read, one row for all its patients
  });

  it("records an unbooked dressing due today in one step, once, and not a day early (PO-3, PW-1)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const dueToday = (await dressingRound(team.nurse, today())).items.find((i) => i.caseId === caseId)!;
    const result = await recordDressingVisit(
      team.nurse,
      dueToday.visitId!,
      { woundState: "exudate", notes: "Light ooze" },
      evening(),
    );
    expect(result).toMatchObject({ woundState: "exudate", seriesEnded: false });
    expect((await dressingRound(team.nurse, today())).items.find((i) => i.caseId === caseId)).toMatchObject({
      recorded: { woundState: "exudate", notes: "Light ooze" },
    });
    expect((await getCase(team.surgeon, caseId)).status).toBe("recovery");
    await expect(
      asAnswered(recordDressingVisit(team.nurse, dueToday.visitId!, { woundState: "exudate" }, evening())),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });

    const later = await prisma.dressingVisit.findFirstOrThrow({
      where: { caseId, dueOn: new Date(`${dayFromToday(2)}T00:00:00Z`) },
    });
    await expect(
      asAnswered(recordDressingVisit(team.nurse, later.id, { woundState: "clean_dry" }, evening())),
    ).rejects.toMatchObject({ status: 422, code: "PW-1" });
    expect(await prisma.dressingRecord.count({ where: { dressingVisitId: later.id } })).toBe(0);
  });
});
