// Attendance against the database: reception marks arrived or did not attend from the
// appointment's own day on (site time), never on a cancelled one, with corrections audited;
// recording the visit, the session or the operation marks its appointment attended; a dressing
// or physiotherapy session not attended is flagged on the recovery board and booked again.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import { markAttendance } from "@/lib/services/attendance";
import { getAppointment } from "@/lib/services/calendar";
import { recordOperation } from "@/lib/services/case-commands";
import { recordDressing, recordPhysioSession } from "@/lib/services/recovery";
import { recoveryBoard } from "@/lib/services/recovery-board";
import { createActor, testDatabase } from "../setup/db";
import { siteAt } from "../setup/clock";
import { asAnswered } from "../setup/answered";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  await createRooms(prisma, team.reception, "dressing", 2);
  await createRooms(prisma, team.reception, "physio");
  await createRooms(prisma, team.reception, "theatre");
  admin = await createActor(prisma, "admin");
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: team.reception.id } });
  await prisma.staff.update({ where: { id: admin.id }, data: { siteId } });
});

// Every appointment is booked at the start of its day's clock, so any hour of the run works.
const dayStart = (days: number) => siteAt(days, 0, 0);
let nextSlot = 0;

/** A home dressing `days` from today at its own time between 08:00 and 13:00, for a patient whose D2 dressing falls that day. */
async function dressingOn(days: number) {
  const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 2 - days });
  const start = siteAt(days, 8, 0);
  start.setUTCMinutes(start.getUTCMinutes() + 20 * (nextSlot++ % 15));
  const clock = days > 0 ? dayStart(0) : dayStart(days);
  const appointment = await bookAppointment(
    team.nurse,
    { caseId, kind: "dressing", start: start.toISOString(), homeVisit: true },
    clock,
  );
  return { caseId, patientId, appointmentId: appointment.id, start };
}

/** The audit rows of attendance marks of the appointment, oldest first. */
const attendanceAudit = (appointmentId: string) =>
  prisma.auditEvent.findMany({
    where: { action: "appointment.attendance", entityId: appointmentId },
    orderBy: { id: "asc" },
  });

const boardRow = async (actor: Actor, caseId: string, now: Date) =>
  (await recoveryBoard(actor, now)).items.find((i) => i.caseId === caseId)!;

describe("reception marks attendance", () => {
  it("marks a patient arrived on the appointment's day, says who and when, and audits it", async () => {
    const { appointmentId, patientId, start } = await dressingOn(0);
    const at = new Date(start.getTime() - 5 * 60_000);
    const view = await markAttendance(team.reception, appointmentId, { outcome: "arrived" }, at);
    expect(view).toMatchObject({
      attendance: "arrived",
      attendanceRecord: { at: at.toISOString(), by: team.reception.name },
    });
    expect((await getAppointment(team.surgeon, appointmentId)).attendance).toBe("arrived");
    expect(await attendanceAudit(appointmentId)).toMatchObject([
      { actorId: team.reception.id, patientId, detail: { from: null, to: "arrived" } },
    ]);
  });

  it("refuses attendance before the appointment's own day in the site's zone, and writes nothing (PW-1)", async () => {
    const { appointmentId } = await dressingOn(1);
    await expect(
      asAnswered(markAttendance(team.reception, appointmentId, { outcome: "did_not_attend" }, siteAt(0, 23, 59))),
    ).rejects.toMatchObject({ status: 422, code: "PW-1" });
    expect(await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).toMatchObject({
      attendance: null,
    });
    expect(await attendanceAudit(appointmentId)).toEqual([]);
    // A minute past the site's midnight the day has come, before the appointment's own time.
    const view = await markAttendance(team.reception, appointmentId, { outcome: "arrived" }, siteAt(1, 0, 1));
    expect(view.attendance).toBe("arrived");
  });

  it("never marks a cancelled appointment (PW-3)", async () => {
    const { appointmentId } = await dressingOn(0);
    await cancelAppointment(team.reception, appointmentId, { reason: "Patient in hospital elsewhere" });
    await expect(
      asAnswered(markAttendance(team.reception, appointmentId, { outcome: "arrived" }, siteAt(0, 23))),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });
    expect(await attendanceAudit(appointmentId)).toEqual([]);
  });

  it("corrects arrived to did not attend and back, each change audited with what it was", async () => {
    const { appointmentId } = await dressingOn(0);
    await markAttendance(team.reception, appointmentId, { outcome: "arrived" }, siteAt(0, 12));
    await markAttendance(team.reception, appointmentId, { outcome: "did_not_attend" }, siteAt(0, 12, 5));
    const back = await markAttendance(admin, appointmentId, { outcome: "arrived" }, siteAt(0, 12, 10));
    expect(back).toMatchObject({ attendance: "arrived", attendanceRecord: { by: admin.name } });
    expect((await attendanceAudit(appointmentId)).map((r) => [r.actorId, r.detail])).toEqual([
      [team.reception.id, { from: null, to: "arrived" }],
      [team.reception.id, { from: "arrived", to: "did_not_attend" }],
      [admin.id, { from: "did_not_attend", to: "arrived" }],
    ]);
  });

  it("lets each role mark only the kinds it books: the nurse a dressing, not a physiotherapy session", async () => {
    const { caseId, appointmentId } = await dressingOn(0);
    await markAttendance(team.nurse, appointmentId, { outcome: "arrived" }, siteAt(0, 23));
    const session = await bookAppointment(
      team.physio,
      { caseId, kind: "physio", start: siteAt(0, 15).toISOString() },
      dayStart(0),
    );
    await expect(
      asAnswered(markAttendance(team.nurse, session.id, { outcome: "arrived" }, siteAt(0, 23))),
    ).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("moves no appointment whose attendance is marked, cancels a non-attendance but not an arrival (PW-3)", async () => {
    const arrived = await dressingOn(0);
    await markAttendance(team.reception, arrived.appointmentId, { outcome: "arrived" }, siteAt(0, 7));
    await expect(
      asAnswered(
        moveAppointment(
          team.reception,
          arrived.appointmentId,
          { start: siteAt(0, 18).toISOString(), reason: "Later" },
          siteAt(0, 7),
        ),
      ),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });
    await expect(
      asAnswered(cancelAppointment(team.reception, arrived.appointmentId, { reason: "Mistake" })),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });
    const absent = await dressingOn(0);
    await markAttendance(team.reception, absent.appointmentId, { outcome: "did_not_attend" }, siteAt(0, 23));
    const cancelled = await cancelAppointment(team.reception, absent.appointmentId, { reason: "Patient moved away" });
    expect(cancelled).toMatchObject({ status: "cancelled", attendance: "did_not_attend" });
  });

  it("keeps 'arrived' and 'attended' off cancelled appointments in the database itself", async () => {
    const { appointmentId } = await dressingOn(0);
    await cancelAppointment(team.reception, appointmentId, { reason: "Patient unwell" });
    await expect(
      prisma.appointment.update({
        where: { id: appointmentId },
        data: { attendance: "attended", attendanceAt: new Date(), attendanceById: team.nurse.id },
      }),
    ).rejects.toThrow(/appointment_attendance_live_check/);
    await expect(
      prisma.appointment.update({ where: { id: appointmentId }, data: { attendance: "did_not_attend" } }),
    ).rejects.toThrow(/appointment_attendance_recorded_check/);
  });
});

describe("recording marks attended", () => {
  it("a dressing record marks its appointment attended; reception cannot then mark it not attended (PW-3)", async () => {
    const { appointmentId } = await dressingOn(0);
    await markAttendance(team.reception, appointmentId, { outcome: "did_not_attend" }, siteAt(0, 23));
    await recordDressing(team.nurse, appointmentId, { woundState: "clean_dry" }, siteAt(0, 23, 30));
    expect(await getAppointment(team.reception, appointmentId)).toMatchObject({
      attendance: "attended",
      attendanceRecord: { at: siteAt(0, 23, 30).toISOString(), by: team.nurse.name },
    });
    await expect(
      asAnswered(markAttendance(team.reception, appointmentId, { outcome: "did_not_attend" }, siteAt(0, 23, 40))),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });
  });

  it("a physiotherapy record marks its session's appointment attended", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const session = await bookAppointment(
      team.physio,
      { caseId, kind: "physio", start: siteAt(0, 9).toISOString() },
      dayStart(0),
    );
    await recordPhysioSession(team.physio, session.id, { notes: "Range of motion" }, siteAt(0, 23));
    expect((await getAppointment(team.physio, session.id)).attendance).toBe("attended");
  });

  it("the operation marks the booked arthroscopy attended with the surgeon and time actually recorded", async () => {
    const { caseId } = await caseAt(team, "assessed");
    const arthroscopy = await bookAppointment(
      team.reception,
      { caseId, kind: "arthroscopy", start: siteAt(0, 8).toISOString(), admission: "day_case" },
      dayStart(0),
    );
    const [otherSurgeon] = await createStaff(prisma, team.reception, "surgeon", 1);
    const performedAt = siteAt(0, 9, 40);
    await recordOperation(
      otherSurgeon!,
      caseId,
      {
        performedAt: performedAt.toISOString(),
        procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
        anaesthesiaGiven: "locoregional",
        anaesthesiaChangeReason: null,
        findings: "Os trigonum excised",
        dischargeAnalgesia: "Paracetamol 1 g four times a day",
      },
      siteAt(0, 23),
    );
    expect(await getAppointment(team.reception, arthroscopy.id)).toMatchObject({
      clinician: { id: team.surgeon.id },
      attendance: "attended",
      attendanceRecord: { at: performedAt.toISOString(), by: otherSurgeon!.name },
    });
  });
});

describe("a visit not attended", () => {
  it("raises the missed-dressing alert the same day with a rebook, and the same visit is booked again (PO-3)", async () => {
    const { caseId, appointmentId } = await dressingOn(0);
    const { dressingVisitId } = await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    const marked = siteAt(0, 6);
    expect((await boardRow(team.surgeon, caseId, marked)).alerts).toEqual([]);
    await markAttendance(team.reception, appointmentId, { outcome: "did_not_attend" }, marked);
    const alert = (await boardRow(team.nurse, caseId, marked)).alerts.find(
      (a) => a.key === `missed:${dressingVisitId}`,
    );
    expect(alert).toMatchObject({ kind: "missed_dressing", rule: "PO-3", rebook: { appointmentId } });
    expect(alert!.message).toMatch(/did not attend/);

    const again = await bookAppointment(
      team.nurse,
      {
        caseId,
        kind: "dressing",
        start: siteAt(0, 19).toISOString(),
        homeVisit: true,
        dressingVisitId: dressingVisitId!,
      },
      marked,
    );
    expect(again.dressingVisitId).toBe(dressingVisitId);
    // Still flagged for the surgeon until the visit is recorded, but booked: no second rebook.
    const after = (await boardRow(team.nurse, caseId, marked)).alerts.find(
      (a) => a.key === `missed:${dressingVisitId}`,
    );
    expect(after).toBeDefined();
    expect(after).not.toHaveProperty("rebook");
    // The non-attendance is not turned into an arrival once the visit is booked again.
    await expect(
      asAnswered(markAttendance(team.reception, appointmentId, { outcome: "arrived" }, marked)),
    ).rejects.toMatchObject({ status: 422, code: "PW-3" });
    await recordDressing(team.nurse, again.id, { woundState: "clean_dry" }, siteAt(0, 23, 59));
    expect((await boardRow(team.surgeon, caseId, siteAt(0, 23, 59))).alerts).toEqual([]);
  });

  it("raises a physiotherapy alert for a session not attended, and books the same session again (PO-4)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const first = await bookAppointment(
      team.physio,
      { caseId, kind: "physio", start: siteAt(0, 8).toISOString() },
      dayStart(0),
    );
    const second = await bookAppointment(
      team.physio,
      { caseId, kind: "physio", start: siteAt(7, 8).toISOString() },
      dayStart(0),
    );
    expect(second.physioSession).toBe(2);
    const marked = siteAt(0, 9);
    await markAttendance(team.reception, first.id, { outcome: "did_not_attend" }, marked);
    const alerts = (await boardRow(team.surgeon, caseId, marked)).alerts.filter((a) => a.kind === "physio");
    expect(alerts).toMatchObject([{ rule: "PO-4", rebook: { appointmentId: first.id } }]);
    expect(alerts[0]!.message).toMatch(/did not attend/);
    const again = await bookAppointment(
      team.reception,
      { caseId, kind: "physio", start: siteAt(1, 8).toISOString() },
      marked,
    );
    expect(again).toMatchObject({ physioSession: 1, physioSessionId: first.physioSessionId });
    await recordPhysioSession(team.physio, again.id, { notes: "First session" }, siteAt(1, 23));
    expect((await boardRow(team.surgeon, caseId, siteAt(1, 23))).alerts.filter((a) => a.kind === "physio")).toEqual([]);
  });
});
