// GET /fhir/R4/Appointment/{id} and /fhir/R4/Appointment?patient=&practitioner=&date=&status= through
// the route handlers: every answer is valid FHIR R4 (tests/setup/fhir.ts), read under the same
// policy and audit as /api/v1/appointments. Appointments are booked through the services.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Appointment, Bundle, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addDays, dayOf, instantAt } from "@/lib/domain/time";
import { system } from "@/lib/fhir/terminology";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { markAttendance } from "@/lib/services/attendance";
import { recordOperation } from "@/lib/services/case-commands";
import { dayFromToday, now, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
let consulting: { id: string; name: string }[];
let theatre: { id: string; name: string };

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
  consulting = await createRooms(prisma, team.reception, "consulting", 3);
  theatre = (await createRooms(prisma, team.reception, "theatre"))[0]!;
});

/** A consultation with the surgeon in a consulting room at `start`, booked by reception with the clock `clock`. */
async function consultation(caseId: string, start: Date, room = consulting[0]!, clock?: Date) {
  return bookAppointment(
    team.reception,
    { caseId, kind: "consultation", start: start.toISOString(), clinicianId: team.surgeon.id, roomId: room.id },
    clock,
  );
}

/** The ids of a search's matches, in order (one page). */
async function idsOf(query: string): Promise<string[]> {
  const { status, body } = await fhirGet<Bundle>(`Appointment?${query}`);
  expect(status, query).toBe(200);
  expect(body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  return entriesOf<Appointment>(body).map((a) => a.id!);
}

/** Every page of a search from `query` on, following the next links: the ids on each page. */
async function pagesOf(query: string): Promise<string[][]> {
  const pages: string[][] = [];
  for (let relative: string | null = query; relative;) {
    const answer: { status: number; body: Bundle } = await fhirGet<Bundle>(relative);
    expect(answer.status, relative).toBe(200);
    pages.push(entriesOf<Appointment>(answer.body).map((a) => a.id!));
    const next = answer.body.link?.find((l) => l.relation === "next")?.url;
    relative = next ? relativeOf(next) : null;
  }
  return pages;
}

const participantOf = (appointment: Appointment, reference: string) =>
  appointment.participant.find((p) => p.actor?.reference === reference);

describe("Appointment read", () => {
  it("answers a booked consultation with its patient, clinician and room as required, accepted participants, and audits the read", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const start = siteAt(3, 10);
    const { id } = await consultation(caseId, start);
    await signInAs(prisma, team.nurse);
    const before = await prisma.auditEvent.count({ where: { entityId: id, action: "appointment.read" } });
    const { status, body } = await fhirGet<Appointment>(`Appointment/${id}`);
    expect(status).toBe(200);
    const stored = await prisma.appointment.findUniqueOrThrow({ where: { id } });
    expect(body).toMatchObject({
      resourceType: "Appointment",
      id,
      status: "booked",
      start: start.toISOString(),
      end: stored.endsAt.toISOString(),
      minutesDuration: (stored.endsAt.getTime() - start.getTime()) / 60_000,
      created: stored.createdAt.toISOString(),
      description: "Consultation",
      serviceType: [{ coding: [expect.objectContaining({ code: "consultation" })], text: "Consultation" }],
    });
    expect(body.appointmentType).toBeUndefined();
    expect(body.cancelationReason).toBeUndefined();
    expect(body.participant).toHaveLength(3);
    for (const participant of body.participant)
      expect(participant).toMatchObject({ required: "required", status: "accepted" });
    expect(participantOf(body, `Patient/${patientId}`)).toBeTruthy();
    expect(participantOf(body, `Location/${consulting[0]!.id}`)?.actor?.display).toBe(consulting[0]!.name);
    expect(participantOf(body, `Practitioner/${team.surgeon.id}`)?.type?.[0]?.coding).toEqual([
      { system: system.participationType, code: "PPRF", display: "primary performer" },
    ]);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: id, action: "appointment.read" },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actorId: team.nurse.id, patientId, patientIds: [patientId] });
  });

  it("carries a follow-up's HL7 v2-0276 FOLLOWUP appointment type", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await bookAppointment(team.reception, {
      caseId,
      kind: "follow_up",
      start: siteAt(3, 14).toISOString(),
      clinicianId: team.surgeon.id,
      roomId: consulting[1]!.id,
    });
    await signInAs(prisma, team.reception);
    const { body } = await fhirGet<Appointment>(`Appointment/${id}`);
    expect(body.appointmentType?.coding).toEqual([
      expect.objectContaining({ system: system.v2AppointmentReason, code: "FOLLOWUP" }),
    ]);
    expect(body.serviceType?.[0]?.coding?.[0]?.code).toBe("follow_up");
  });

  it("tells the anaesthetist of an arthroscopy (secondary performer) from its surgeon (primary performer)", async () => {
    const { caseId } = await caseAt(team, "assessed");
    const { id } = await bookAppointment(team.reception, {
      caseId,
      kind: "arthroscopy",
      start: siteAt(9, 8).toISOString(),
      admission: "day_case",
      clinicianId: team.surgeon.id,
      anaesthetistId: team.anaesthetist.id,
      roomId: theatre.id,
    });
    await signInAs(prisma, team.surgeon);
    const { body } = await fhirGet<Appointment>(`Appointment/${id}`);
    expect(body.status).toBe("booked");
    expect(body.description).toBe("Arthroscopy, day case");
    expect(participantOf(body, `Practitioner/${team.surgeon.id}`)?.type?.[0]).toMatchObject({
      coding: [{ code: "PPRF" }],
      text: "Clinician",
    });
    expect(participantOf(body, `Practitioner/${team.anaesthetist.id}`)?.type?.[0]).toMatchObject({
      coding: [{ system: system.participationType, code: "SPRF" }],
      text: "Anaesthetist",
    });
    expect(participantOf(body, `Location/${theatre.id}`)).toBeTruthy();
  });

  it("answers a cancelled appointment as cancelled, with its reason only for a role that may read reasons", async () => {
    const { caseId } = await caseAt(team, "referred");
    const { id } = await consultation(caseId, siteAt(3, 11));
    await cancelAppointment(team.reception, id, { reason: "Patient unwell" });
    await signInAs(prisma, team.reception);
    const seen = await fhirGet<Appointment>(`Appointment/${id}`);
    expect(seen.body).toMatchObject({ status: "cancelled", cancelationReason: { text: "Patient unwell" } });
    await signInAs(prisma, admin);
    const withoutReason = await fhirGet<Appointment>(`Appointment/${id}`);
    expect(withoutReason.status).toBe(200);
    expect(withoutReason.body.status).toBe("cancelled");
    expect(withoutReason.body.cancelationReason).toBeUndefined();
  });

  it("answers arrived, noshow as reception marks attendance, and fulfilled once the operation is recorded", async () => {
    // Booked on today's date with the clock at the day's start, so any hour of the run works.
    const dayStart = siteAt(0, 0);
    const came = await caseAt(team, "referred");
    const arrived = await consultation(came.caseId, siteAt(0, 10), consulting[0], dayStart);
    await markAttendance(team.reception, arrived.id, { outcome: "arrived" }, siteAt(0, 9, 55));
    const missed = await caseAt(team, "referred");
    const noShow = await consultation(missed.caseId, siteAt(0, 10, 30), consulting[1], dayStart);
    await markAttendance(team.reception, noShow.id, { outcome: "did_not_attend" }, siteAt(0, 11));
    const operated = await caseAt(team, "assessed");
    const arthroscopy = await bookAppointment(
      team.reception,
      { caseId: operated.caseId, kind: "arthroscopy", start: siteAt(0, 8).toISOString(), admission: "day_case" },
      dayStart,
    );
    await recordOperation(
      team.surgeon,
      operated.caseId,
      {
        performedAt: siteAt(0, 9, 40).toISOString(),
        procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
        anaesthesiaGiven: "locoregional",
        anaesthesiaChangeReason: null,
        findings: "Os trigonum excised",
        dischargeAnalgesia: "Paracetamol 1 g four times a day",
      },
      siteAt(0, 23),
    );
    await signInAs(prisma, team.physio);
    const statusOf = async (id: string) => (await fhirGet<Appointment>(`Appointment/${id}`)).body.status;
    expect(await statusOf(arrived.id)).toBe("arrived");
    expect(await statusOf(noShow.id)).toBe("noshow");
    expect(await statusOf(arthroscopy.id)).toBe("fulfilled");
    expect(await idsOf(`patient=${came.patientId}&status=arrived`)).toEqual([arrived.id]);
    expect(await idsOf(`patient=${missed.patientId}&status=noshow`)).toEqual([noShow.id]);
    expect(await idsOf(`patient=${missed.patientId}&status=booked`)).toEqual([]);
    expect(
      await idsOf(
        `patient=${operated.patientId}&status=${encodeURIComponent(`${system.appointmentStatus}|fulfilled`)}`,
      ),
    ).toEqual([arthroscopy.id]);
  });

  it("answers 404 OperationOutcome for an unknown id and for an id that is not one of ours, 401 without a session", async () => {
    await signInAs(prisma, team.reception);
    for (const id of [randomUUID(), "not-an-id"]) {
      const { status, body } = await fhirGet<OperationOutcome>(`Appointment/${id}`);
      expect(status).toBe(404);
      expect(body.issue[0]).toMatchObject({ severity: "error", code: "not-found" });
    }
    await signInAs(prisma, null);
    const { status } = await fhirGet<OperationOutcome>(`Appointment/${randomUUID()}`);
    expect(status).toBe(401);
  });
});

describe("Appointment search", () => {
  it("finds by start with eq, ge, gt, le and lt on the site's calendar days and instants", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    // The first and last bookable minutes of a day, and the first of the next (hours 07:00-20:00).
    const early = await consultation(caseId, siteAt(5, 7));
    const late = await consultation(caseId, siteAt(5, 19, 40));
    const next = await consultation(caseId, siteAt(6, 7));
    const [day, following] = [dayFromToday(5), dayFromToday(6)];
    await signInAs(prisma, team.reception);
    const of = `patient=Patient/${patientId}`;
    expect(await idsOf(of)).toEqual([early.id, late.id, next.id]);
    expect(await idsOf(`${of}&date=${day}`)).toEqual([early.id, late.id]);
    expect(await idsOf(`${of}&date=eq${following}`)).toEqual([next.id]);
    expect(await idsOf(`${of}&date=ge${following}`)).toEqual([next.id]);
    expect(await idsOf(`${of}&date=lt${following}`)).toEqual([early.id, late.id]);
    expect(await idsOf(`${of}&date=gt${day}`)).toEqual([next.id]);
    expect(await idsOf(`${of}&date=le${day}`)).toEqual([early.id, late.id]);
    expect(await idsOf(`${of}&date=ge${day}&date=lt${following}`)).toEqual([early.id, late.id]);
    expect(await idsOf(`${of}&date=lt${day}`)).toEqual([]);
    const lateStart = encodeURIComponent(siteAt(5, 19, 40).toISOString());
    expect(await idsOf(`${of}&date=ge${lateStart}`)).toEqual([late.id, next.id]);
    expect(await idsOf(`${of}&date=lt${lateStart}`)).toEqual([early.id]);
  });

  it("counts a day in the site's own zone, not UTC's; without a patient or practitioner, searches the staff member's own site", async () => {
    // A site nine hours ahead of UTC all year: 07:00 there is 22:00 UTC on the day before.
    const zone = "Asia/Tokyo";
    const { team: far } = await createClinic(prisma);
    const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: far.reception.id } });
    await prisma.site.update({ where: { id: siteId }, data: { timeZone: zone } });
    const [room] = await createRooms(prisma, far.reception, "consulting");
    const day = addDays(dayOf(now(), zone), 4);
    const { caseId, patientId } = await caseAt(far, "referred");
    const book = (start: Date) =>
      bookAppointment(far.reception, {
        caseId,
        kind: "consultation",
        start: start.toISOString(),
        clinicianId: far.surgeon.id,
        roomId: room!.id,
      });
    const early = await book(instantAt(day, 7, 0, zone));
    const late = await book(instantAt(day, 19, 40, zone));
    const next = await book(instantAt(addDays(day, 1), 7, 0, zone));
    expect(dayOf(instantAt(day, 7, 0, zone), "UTC")).toBe(addDays(day, -1));
    await signInAs(prisma, far.nurse);
    expect(await idsOf(`patient=${patientId}&date=${day}`)).toEqual([early.id, late.id]);
    expect(await idsOf(`patient=${patientId}&date=ge${addDays(day, 1)}`)).toEqual([next.id]);
    expect(await idsOf(`date=lt${addDays(day, 1)}`)).toEqual([early.id, late.id]);
    // Without a patient or practitioner: this site's appointments only, a page at a time.
    expect(await pagesOf("Appointment?_count=1")).toEqual([[early.id], [late.id], [next.id]]);
    // A patient's appointments are found from any site, as /api/v1 lists them.
    await signInAs(prisma, team.nurse);
    expect(await idsOf(`patient=${patientId}`)).toEqual([early.id, late.id, next.id]);
  });

  it("finds a practitioner's appointments as clinician and as anaesthetist, by reference or bare id", async () => {
    const listed = await caseAt(team, "listed");
    const assessment = await bookAppointment(team.reception, {
      caseId: listed.caseId,
      kind: "anaesthesia_assessment",
      start: siteAt(12, 8).toISOString(),
      clinicianId: team.anaesthetist.id,
      roomId: consulting[2]!.id,
    });
    const assessed = await caseAt(team, "assessed");
    const arthroscopy = await bookAppointment(team.reception, {
      caseId: assessed.caseId,
      kind: "arthroscopy",
      start: siteAt(12, 10).toISOString(),
      admission: "day_case",
      clinicianId: team.surgeon.id,
      anaesthetistId: team.anaesthetist.id,
      roomId: theatre.id,
    });
    await signInAs(prisma, team.anaesthetist);
    const on = `date=${dayFromToday(12)}`;
    expect(await idsOf(`practitioner=Practitioner/${team.anaesthetist.id}&${on}`)).toEqual([
      assessment.id,
      arthroscopy.id,
    ]);
    expect(await idsOf(`practitioner=${team.anaesthetist.id}&${on}`)).toEqual([assessment.id, arthroscopy.id]);
    expect(await idsOf(`practitioner=${team.surgeon.id}&${on}`)).toEqual([arthroscopy.id]);
    expect(await idsOf(`practitioner=${team.physio.id}&${on}`)).toEqual([]);
    expect(await idsOf(`practitioner=${team.anaesthetist.id}&patient=${assessed.patientId}`)).toEqual([arthroscopy.id]);
  });

  it("pages a practitioner's appointments in start order through the next links", async () => {
    const ids: string[] = [];
    for (const [hour, room] of [
      [9, 0],
      [8, 1],
      [10, 2],
      [11, 0],
    ] as const) {
      const { caseId } = await caseAt(team, "referred");
      ids.push((await consultation(caseId, siteAt(14, hour), consulting[room]!)).id);
    }
    const inOrder = [ids[1], ids[0], ids[2], ids[3]];
    await signInAs(prisma, team.reception);
    expect(await pagesOf(`Appointment?practitioner=${team.surgeon.id}&date=${dayFromToday(14)}&_count=3`)).toEqual([
      inOrder.slice(0, 3),
      inOrder.slice(3),
    ]);
  });

  it("finds by status: cancelled, booked, and nothing for a status this server never gives or another system", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const kept = await consultation(caseId, siteAt(16, 9));
    const dropped = await consultation(caseId, siteAt(16, 10));
    await cancelAppointment(team.reception, dropped.id, { reason: "Clinic closed" });
    await signInAs(prisma, team.reception);
    expect(await idsOf(`patient=${patientId}&status=cancelled`)).toEqual([dropped.id]);
    expect(await idsOf(`patient=${patientId}&status=booked`)).toEqual([kept.id]);
    expect(await idsOf(`patient=${patientId}&status=proposed`)).toEqual([]);
    expect(await idsOf(`patient=${patientId}&status=${encodeURIComponent("urn:other|booked")}`)).toEqual([]);
  });

  it("writes one list-read audit row per page naming the patients on it, and none for an empty page", async () => {
    const first = await caseAt(team, "referred");
    const second = await caseAt(team, "referred");
    await consultation(first.caseId, siteAt(18, 9));
    await consultation(second.caseId, siteAt(18, 10), consulting[1]);
    await signInAs(prisma, team.surgeon);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await idsOf(`practitioner=${team.surgeon.id}&date=${dayFromToday(18)}`);
    await idsOf(`practitioner=${team.surgeon.id}&date=${dayFromToday(19)}`);
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.surgeon.id } });
    expect(rows.map((r) => [r.action, r.entity, [...r.patientIds].sort(), r.itemCount])).toEqual([
      ["appointment.read", "appointment", [first.patientId, second.patientId].sort(), 2],
    ]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter, modifier or malformed value", async () => {
    await signInAs(prisma, team.reception);
    await expectRefusedSearches("Appointment?", [
      ["subject=Patient/" + randomUUID(), "subject"],
      ["date:missing=true", "date:missing"],
      ["date=2026-02-30", "date"],
      ["date=xx2026-02-01", "date"],
      ["date=2026-12-01T10:00:00", "date"],
      ["patient=not-an-id", "patient"],
      ["practitioner=Patient/" + randomUUID(), "practitioner"],
      ["status=done", "status"],
      ["status=booked,cancelled", "status"],
      ["patient=" + randomUUID() + "&patient=" + randomUUID(), "patient"],
      ["_count=0", "_count"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});

describe("Appointment in the CapabilityStatement", () => {
  it("lists Appointment with its search parameters and its local kind codes as unconfirmed", async () => {
    const { body } = await fhirGet("metadata");
    const text = JSON.stringify(body);
    expect(text).toContain("Appointment.serviceType");
    const resource = (
      body as { rest: { resource: { type: string; searchParam: { name: string }[] }[] }[] }
    ).rest[0]!.resource.find((r) => r.type === "Appointment");
    expect(resource?.searchParam.map((p) => p.name)).toEqual(["patient", "practitioner", "date", "status"]);
  });
});
