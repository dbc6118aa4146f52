// A refused booking says what actually stood in the way: the patient's own appointment, the
// clinicians, the rooms, or the hours; and a rule refusal carries the rule's text.
import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/services/appointments";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";
import { ruleCatalogue } from "@/lib/domain/rules";
import { testDatabase } from "../setup/db";
import { formatDateTime } from "@/lib/domain/date-format";
import { dayFromToday, siteAt, siteZone } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";
import { asAnswered } from "../setup/answered";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  await createRooms(prisma, team.reception, "consulting");
  await createRooms(prisma, team.reception, "dressing");
  await createRooms(prisma, team.reception, "physio");
});

const morning = () => siteAt(0, 0);

describe("what a refused booking says", () => {
  it("says the patient already has an appointment when a dressing clashes with the patient's own booking (SC-1)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const own = await bookAppointment(
      team.reception,
      { caseId, kind: "consultation", start: siteAt(2, 10).toISOString() },
      morning(),
    );
    const refusal = bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(2, 10).toISOString() },
      morning(),
    );
    await expect(asAnswered(refusal)).rejects.toMatchObject({
      status: 409,
      code: "SC-1",
      extra: { conflicts: [{ appointmentId: own.id, resource: "patient" }] },
    });
    await expect(refusal).rejects.toThrow(/patient already has/i);
  });

  it("names the patient's own booking in the series preview and the series booking, not the nurses (SC-1, PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    await bookAppointment(
      team.reception,
      { caseId, kind: "consultation", start: siteAt(2, 11).toISOString() },
      morning(),
    );
    for (const preview of [true, false]) {
      const { items } = await bookPostOperativeSeries(
        team.nurse,
        caseId,
        { dressingTime: "11:00", preview },
        morning(),
      );
      const clash = items.find((i) => i.day === dayFromToday(2))!;
      expect(clash.start, `preview ${preview}`).toBeNull();
      expect(clash.problem, `preview ${preview}`).toMatch(/patient already has/i);
      expect(clash.problem).not.toMatch(/nurse/i);
    }
  });

  it("says every dressing room is taken, not every nurse, when a nurse is free but no room (SC-1)", async () => {
    const [otherNurse] = await createStaff(prisma, team.reception, "nurse", 1);
    const rooms = await prisma.room.findMany({
      where: { site: { staff: { some: { id: team.reception.id } } }, kind: "dressing" },
    });
    const first = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const second = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    for (const room of rooms) {
      const { caseId } = room === rooms[0] ? first : await caseAt(team, "operated", { operatedDaysAgo: 2 });
      await bookAppointment(
        team.reception,
        { caseId, kind: "dressing", start: siteAt(2, 12).toISOString(), clinicianId: team.nurse.id, roomId: room.id },
        morning(),
      );
    }
    expect(otherNurse).toBeDefined();
    const refusal = bookAppointment(
      team.reception,
      { caseId: second.caseId, kind: "dressing", start: siteAt(2, 12).toISOString() },
      morning(),
    );
    await expect(asAnswered(refusal)).rejects.toMatchObject({ status: 409, code: "SC-1" });
    await expect(refusal).rejects.toThrow(/dressing room/i);
    await expect(refusal).rejects.not.toThrow(/nurse/i);
  });

  it("says every nurse is booked when rooms are free but the nurses are not (SC-1)", async () => {
    const a = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const b = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const nurses = await prisma.staff.findMany({
      where: { role: "nurse", site: { staff: { some: { id: team.reception.id } } } },
    });
    for (const nurse of nurses) {
      const { caseId } = nurse === nurses[0] ? a : await caseAt(team, "operated", { operatedDaysAgo: 2 });
      await bookAppointment(
        team.reception,
        { caseId, kind: "dressing", start: siteAt(2, 14).toISOString(), clinicianId: nurse.id, homeVisit: true },
        morning(),
      );
    }
    const refusal = bookAppointment(
      team.reception,
      { caseId: b.caseId, kind: "dressing", start: siteAt(2, 14).toISOString() },
      morning(),
    );
    await expect(asAnswered(refusal)).rejects.toMatchObject({ status: 409, code: "SC-1" });
    await expect(refusal).rejects.toThrow(/every nurse/i);
  });

  it("says no nurse works then, when none does (SC-2), with the rule's text", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const refusal = bookAppointment(
      team.reception,
      { caseId, kind: "dressing", start: siteAt(2, 21).toISOString(), homeVisit: true },
      morning(),
    );
    await expect(asAnswered(refusal)).rejects.toMatchObject({
      status: 422,
      code: "SC-2",
      extra: { rule: ruleCatalogue["SC-2"] },
    });
    await expect(refusal).rejects.toThrow(/no nurse works/i);
  });

  it("refuses a series before the operation with the rule's text (PW-3)", async () => {
    const { caseId } = await caseAt(team, "assessed");
    await expect(
      asAnswered(bookPostOperativeSeries(team.nurse, caseId, { dressingTime: "10:00", preview: true }, morning())),
    ).rejects.toMatchObject({
      status: 422,
      code: "PW-3",
      extra: { rule: ruleCatalogue["PW-3"] },
    });
  });

  it("says a dressing visit or physiotherapy session named for the booking is not one of the case's (404), not that the plan has none", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const other = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const visit = await prisma.dressingVisit.findFirstOrThrow({ where: { caseId: other.caseId, status: "planned" } });
    const session = await prisma.physioSession.findFirstOrThrow({ where: { caseId: other.caseId, status: "planned" } });
    const start = siteAt(2, 15).toISOString();
    const dressing = bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start, homeVisit: true, dressingVisitId: visit.id },
      morning(),
    );
    await expect(asAnswered(dressing)).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      extra: { errors: [{ path: "dressingVisitId" }] },
    });
    const physio = bookAppointment(
      team.physio,
      { caseId, kind: "physio", start, physioSessionId: session.id },
      morning(),
    );
    await expect(asAnswered(physio)).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      extra: { errors: [{ path: "physioSessionId" }] },
    });
    expect(await prisma.appointment.count({ where: { caseId } })).toBe(0);
  });

  it("names whose time is taken, and by which appointment (kind and time), when the database refuses an overlapping booking (SC-1)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const other = await caseAt(team, "referred");
    const start = siteAt(3, 9).toISOString();
    const [room] = await createRooms(prisma, team.reception, "consulting");
    await bookAppointment(
      team.reception,
      { caseId, kind: "consultation", start, clinicianId: team.surgeon.id, roomId: room!.id },
      morning(),
    );
    const [otherRoom] = await createRooms(prisma, team.reception, "consulting");
    // Named outright, so the search is skipped and the database's exclusion constraint refuses it.
    const refusal = bookAppointment(
      team.reception,
      { caseId: other.caseId, kind: "consultation", start, clinicianId: team.surgeon.id, roomId: otherRoom!.id },
      morning(),
    );
    await expect(asAnswered(refusal)).rejects.toMatchObject({
      status: 409,
      code: "SC-1",
      extra: {
        conflicts: [expect.objectContaining({ resource: "clinician", name: team.surgeon.name, kind: "consultation" })],
      },
    });
    await expect(refusal).rejects.toThrow(
      `${team.surgeon.name} is already booked then: consultation ${formatDateTime(start, siteZone)}-`,
    );
  });
});
