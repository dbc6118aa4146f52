// GET /api/v1/theatre-lists/candidates through its route handler: a cancelled arthroscopy's time
// offered to the waiting list (WL-4) in waiting-list order (WL-3); who is passed over and why;
// every candidate offered is a booking the booking service accepts; roles; bad input.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { dateColumn } from "@/lib/db/dates";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { changeListingPriority } from "@/lib/services/listing";
import type { CandidateList } from "@/lib/schemas/theatre-candidates";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, siteAt } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms, createStaff } from "../setup/scheduling";

const prisma = testDatabase();
const path = "/api/v1/theatre-lists/candidates";
// Three days ahead, 09:00-10:30 site time: an arthroscopy's length (SC-5).
const freedStart = () => siteAt(3, 9, 0);
const freedEnd = () => siteAt(3, 10, 30);

async function clinicWithTheatre() {
  const { team, staff } = await createClinic(prisma);
  const [theatre] = await createRooms(prisma, team.reception, "theatre");
  return { team, admin: staff.admin, theatre: theatre! };
}

const query = (roomId: string, start = freedStart(), end = freedEnd()) =>
  `?${new URLSearchParams({ roomId, start: start.toISOString(), end: end.toISOString() })}`;

async function candidates(actor: Actor, roomId: string, q = query(roomId)) {
  await signInAs(prisma, actor);
  const response = await callRoute("get", path, {}, q);
  return { status: response.status, body: (await response.json()) as CandidateList & { code?: string } };
}

/** An arthroscopy booked in the freed time and then cancelled: the time WL-4 offers. */
async function cancelledArthroscopy(team: Team, theatreId: string) {
  const { caseId } = await caseAt(team, "assessed");
  const booked = await bookAppointment(team.reception, {
    caseId,
    kind: "arthroscopy",
    start: freedStart().toISOString(),
    clinicianId: team.surgeon.id,
    anaesthetistId: team.anaesthetist.id,
    roomId: theatreId,
  });
  await cancelAppointment(team.reception, booked.id, { reason: "Patient unwell" });
  return caseId;
}

describe("GET /api/v1/theatre-lists/candidates (WL-4)", () => {
  it("offers a cancelled arthroscopy's time to the waiting cases in waiting-list order (WL-3), each with its admission (SX-4)", async () => {
    const { team, theatre } = await clinicWithTheatre();
    const freedCase = await cancelledArthroscopy(team, theatre.id);
    const urgent = (await caseAt(team, "assessed")).caseId;
    await changeListingPriority(team.surgeon, urgent, { priority: "P2", reason: "Locking of the ankle" }, now());
    // Listed 8 days earlier than the others: the earlier breach date comes first within P4.
    const longest = (await caseAt(team, "assessed", { operatedDaysAgo: 10 })).caseId;
    const noHelpAtHome = await caseAt(team, "assessed");
    await prisma.anaesthesiaAssessment.updateMany({
      where: { caseId: noHelpAtHome.caseId },
      data: { homeSupport: false },
    });
    const sameDay = [freedCase, noHelpAtHome.caseId].sort();

    const { status, body } = await candidates(team.reception, theatre.id);
    expect(status).toBe(200);
    expect(body.items.map((i) => i.caseId)).toEqual([urgent, longest, ...sameDay]);
    expect(body.items.map((i) => i.priority)).toEqual(["P2", "P4", "P4", "P4"]);
    const byCase = new Map(body.items.map((i) => [i.caseId, i]));
    expect(byCase.get(noHelpAtHome.caseId)!.admission).toBe("inpatient");
    expect(byCase.get(urgent)!.admission).toBe("day_case");
    expect(body.items[0]).toMatchObject({
      start: freedStart().toISOString(),
      end: freedEnd().toISOString(),
      surgeon: { id: team.surgeon.id },
      anaesthetist: { id: team.anaesthetist.id },
      room: { id: theatre.id },
    });
    expect(body.passedOver).toEqual([]);
  });

  it("offers a full-length arthroscopy for a free time shorter than one, and nothing when the theatre is taken within it (SC-5, WL-4)", async () => {
    const { team, theatre } = await clinicWithTheatre();
    await caseAt(team, "assessed");
    const tenMinutes = query(theatre.id, freedStart(), new Date(freedStart().getTime() + 10 * 60_000));
    const { status, body } = await candidates(team.reception, theatre.id, tenMinutes);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items)
      expect(item).toMatchObject({ start: freedStart().toISOString(), end: freedEnd().toISOString() });
    const { caseId } = await caseAt(team, "assessed");
    await bookAppointment(team.reception, {
      caseId,
      kind: "arthroscopy",
      start: new Date(freedStart().getTime() + 60 * 60_000).toISOString(),
      clinicianId: team.surgeon.id,
      anaesthetistId: team.anaesthetist.id,
      roomId: theatre.id,
    });
    const taken = await candidates(team.reception, theatre.id, tenMinutes);
    expect([taken.status, taken.body.code]).toEqual([409, "SC-1"]);
  });

  it("every candidate offered is a booking the booking service accepts as offered", async () => {
    const { team, theatre } = await clinicWithTheatre();
    await cancelledArthroscopy(team, theatre.id);
    await caseAt(team, "assessed", { operatedDaysAgo: 5 });
    const alone = await caseAt(team, "assessed");
    await prisma.anaesthesiaAssessment.updateMany({ where: { caseId: alone.caseId }, data: { homeSupport: false } });
    const { body } = await candidates(team.reception, theatre.id);
    expect(body.items).toHaveLength(3);
    for (const item of body.items) {
      const booked = await bookAppointment(team.reception, {
        caseId: item.caseId,
        kind: "arthroscopy",
        start: item.start,
        end: item.end,
        clinicianId: item.surgeon.id,
        anaesthetistId: item.anaesthetist.id,
        roomId: item.room.id,
        admission: item.admission,
      });
      expect(booked).toMatchObject({ status: "booked", admission: item.admission, start: item.start, end: item.end });
      await cancelAppointment(team.reception, booked.id, { reason: "Checking the offer" });
    }
  });

  it("passes over the cases that could not take the time: expired or no assessment (SX-2, SX-3), surgeon busy or away (SC-1, SC-2), patient busy, already booked", async () => {
    const { team, theatre } = await clinicWithTheatre();
    const [consulting] = await createRooms(prisma, team.reception, "consulting");
    const [busySurgeon, awaySurgeon] = await createStaff(prisma, team.reception, "surgeon", 2);
    const eligible = (await caseAt(team, "assessed")).caseId;
    await caseAt(team, "assessed", { operatedDaysAgo: 70 }); // assessed 100 days ago: expired
    await caseAt(team, "listed"); // not assessed
    await caseAt({ ...team, surgeon: busySurgeon! }, "assessed");
    const other = await caseAt(team, "assessed");
    await bookAppointment(team.reception, {
      caseId: other.caseId,
      kind: "follow_up",
      start: siteAt(3, 9, 30).toISOString(),
      clinicianId: busySurgeon!.id,
      roomId: consulting!.id,
    });
    await caseAt({ ...team, surgeon: awaySurgeon! }, "assessed");
    await prisma.workingHoursException.create({
      data: { staffId: awaySurgeon!.id, onDate: dateColumn(dayFromToday(3)), reason: "Leave" },
    });
    const scheduled = await caseAt(team, "assessed");
    await bookAppointment(team.reception, {
      caseId: scheduled.caseId,
      kind: "arthroscopy",
      start: siteAt(4, 9).toISOString(),
      roomId: theatre.id,
    });

    const { status, body } = await candidates(team.surgeon, theatre.id);
    expect(status).toBe(200);
    // `other`'s patient has a follow-up at 09:30 with the busy surgeon: passed over as busy.
    expect(body.items.map((i) => i.caseId)).toEqual([eligible]);
    const counts = Object.fromEntries(body.passedOver.map((p) => [p.reason, [p.rule, p.count]]));
    expect(counts).toEqual({
      assessment_not_valid: ["SX-3", 1],
      not_assessed: ["SX-2", 1],
      surgeon_busy: ["SC-1", 1],
      surgeon_off: ["SC-2", 1],
      patient_busy: ["SC-1", 1],
      already_booked: ["PW-3", 1],
    });
  });

  it("offers nobody, saying why, when no anaesthetist is free then", async () => {
    const { team, theatre } = await clinicWithTheatre();
    await caseAt(team, "assessed");
    await prisma.workingHoursException.create({
      data: { staffId: team.anaesthetist.id, onDate: dateColumn(dayFromToday(3)), reason: "Leave" },
    });
    const { body } = await candidates(team.reception, theatre.id);
    expect(body.items).toEqual([]);
    expect(body.passedOver).toEqual([{ reason: "no_anaesthetist", rule: "SC-1", count: 1 }]);
  });

  it("answers reception, surgeon and admin; 403 to the other roles, 401 signed out", async () => {
    const { team, admin, theatre } = await clinicWithTheatre();
    for (const actor of [team.reception, team.surgeon, admin])
      expect((await candidates(actor, theatre.id)).status, actor.role).toBe(200);
    for (const actor of [team.nurse, team.anaesthetist, team.physio]) {
      const { status, body } = await candidates(actor, theatre.id);
      expect([actor.role, status, body.code]).toEqual([actor.role, 403, "FORBIDDEN"]);
    }
    await signInAs(prisma, null);
    expect((await callRoute("get", path, {}, query(theatre.id))).status).toBe(401);
  });

  it("answers 400 naming the field for a missing room, an end not after the start, more than one session, or a past start", async () => {
    const { team, theatre } = await clinicWithTheatre();
    const pathsOf = async (q: string) => {
      const { status, body } = await candidates(team.reception, theatre.id, q);
      return [status, (body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)];
    };
    const start = freedStart().toISOString();
    expect(await pathsOf(`?start=${start}&end=${freedEnd().toISOString()}`)).toEqual([400, ["roomId"]]);
    expect(await pathsOf(query(theatre.id, freedEnd(), freedStart()))).toEqual([400, ["end"]]);
    expect(await pathsOf(query(theatre.id, freedStart(), freedStart()))).toEqual([400, ["end"]]);
    // The longest session is five hours (08:00-13:00): five hours and a minute is refused.
    expect(await pathsOf(query(theatre.id, siteAt(3, 8), siteAt(3, 13, 1)))).toEqual([400, ["end"]]);
    expect(await pathsOf(query(theatre.id, siteAt(-1, 9), siteAt(-1, 10)))).toEqual([400, ["start"]]);
    expect(await pathsOf(`?roomId=${theatre.id}&start=tomorrow&end=${start}`)).toEqual([400, ["start"]]);
  });

  it("answers 404 for a room of no site of the actor, 422 SC-3 for a room that is no theatre, 409 SC-1 once the time is booked again", async () => {
    const { team, theatre } = await clinicWithTheatre();
    const [consulting] = await createRooms(prisma, team.reception, "consulting");
    expect((await candidates(team.reception, randomUUID())).status).toBe(404);
    expect(await candidates(team.reception, consulting!.id)).toMatchObject({ status: 422, body: { code: "SC-3" } });
    const { caseId } = await caseAt(team, "assessed");
    await bookAppointment(team.reception, {
      caseId,
      kind: "arthroscopy",
      start: siteAt(3, 10).toISOString(),
      roomId: theatre.id,
    });
    expect(await candidates(team.reception, theatre.id)).toMatchObject({ status: 409, body: { code: "SC-1" } });
  });
});
