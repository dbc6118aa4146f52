// Reception's side of the patients' move requests, through the route handlers: GET
// /api/v1/move-requests (reception and the administrator; an audited list read) and POST
// /api/v1/move-requests/{id}/handled (reception only; once; the appointment untouched; a declined
// request tells the patient).
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/domain/date-format";
import { newPortalToken } from "@/lib/services/portal/access";
import { requestAppointmentMove } from "@/lib/services/portal/move-requests";
import { testDatabase } from "../setup/db";
import { now, siteAt, siteZone } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
});

/** An open request, made through the patient's link, to move a consultation 5 days ahead. */
async function openRequest(note = "Mornings, please") {
  const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
  const kase = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } });
  const appointment = await prisma.appointment.create({
    data: {
      siteId: kase.siteId,
      caseId,
      patientId,
      kind: "consultation",
      startsAt: siteAt(5, 10),
      endsAt: siteAt(5, 10, 30),
      createdById: team.reception.id,
    },
  });
  const { token, tokenHash } = newPortalToken();
  await prisma.portalLink.create({
    data: { patientId, tokenHash, createdAt: now(), createdById: team.reception.id, expiresAt: siteAt(30, 9) },
  });
  const request = await requestAppointmentMove(token, { appointmentId: appointment.id, note });
  return { request, appointment, patientId, caseId, token };
}

/** Gives the patient an email address and a mobile number, and their consent to both. */
const consentToAll = (patientId: string) =>
  prisma.patient.update({
    where: { id: patientId },
    data: { email: "patient@example.org", phone: "07700 900123", contactByEmail: true, contactBySms: true },
  });

/** The patient's notices that a move they asked for was not possible. */
const declinedNotices = (patientId: string) =>
  prisma.message.findMany({ where: { patientId, kind: "move_request_declined" } });

async function as(actor: Actor | null, method: "get" | "post", path: string, params = {}, query = "", body?: unknown) {
  await signInAs(prisma, actor);
  const response = await callRoute(method, path, params, query, body);
  return { status: response.status, body: await response.json() };
}

/** Every open request, following the cursors. */
async function allOpen(actor: Actor) {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await as(
      actor,
      "get",
      "/api/v1/move-requests",
      {},
      `?status=open&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe("GET /api/v1/move-requests", () => {
  it("lists the open requests with the patient, the appointment and the note, for reception and the administrator, audited as one list read", async () => {
    const { request, appointment, patientId, caseId } = await openRequest("Any afternoon after 2pm");
    for (const actor of [team.reception, admin]) {
      const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
      const mine = (await allOpen(actor)).find((i) => i.id === request.id);
      expect(mine).toMatchObject({
        status: "open",
        note: "Any afternoon after 2pm",
        requestedAt: now().toISOString(),
        handledAt: null,
        handledBy: null,
        patient: { id: patientId, mrn: expect.any(String), name: expect.stringMatching(/^PATHWAY/) },
        appointment: {
          id: appointment.id,
          caseId,
          kind: "consultation",
          status: "booked",
          start: appointment.startsAt.toISOString(),
        },
      });
      const reads = await prisma.auditEvent.findMany({
        where: { id: { gt: before }, actorId: actor.id, action: "move_request.list", patientIds: { has: patientId } },
      });
      expect(reads.length).toBeGreaterThanOrEqual(1);
    }
  });

  it("answers 401 signed out and 403 to the clinical roles", async () => {
    expect((await as(null, "get", "/api/v1/move-requests")).status).toBe(401);
    for (const actor of [team.nurse, team.surgeon, team.anaesthetist, team.physio]) {
      const refused = await as(actor, "get", "/api/v1/move-requests");
      expect(refused.status).toBe(403);
    }
  });

  it("answers 400 for a status it does not know and a cursor it did not give", async () => {
    expect((await as(team.reception, "get", "/api/v1/move-requests", {}, "?status=pending")).status).toBe(400);
    expect((await as(team.reception, "get", "/api/v1/move-requests", {}, "?cursor=nonsense")).status).toBe(400);
  });
});

describe("POST /api/v1/move-requests/{id}/handled", () => {
  const path = "/api/v1/move-requests/{id}/handled";

  it("lets reception mark a request done once, audited, leaving the appointment as it was; the patient may then ask again", async () => {
    const { request, appointment, patientId, token } = await openRequest();
    const { status, body } = await as(team.reception, "post", path, { id: request.id }, "", {
      outcome: "done",
      response: "Moved to Tuesday 10:00",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: request.id,
      status: "done",
      handledAt: now().toISOString(),
      handledBy: expect.any(String),
      response: "Moved to Tuesday 10:00",
    });
    expect(await prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toEqual(appointment);
    const audit = await prisma.auditEvent.findMany({
      where: { action: "move_request.handle", entityId: request.id },
    });
    expect(audit).toMatchObject([
      { actorId: team.reception.id, actorPatientId: null, patientId, detail: { outcome: "done" } },
    ]);
    expect((await allOpen(team.reception)).map((i) => i.id)).not.toContain(request.id);

    const again = await as(team.reception, "post", path, { id: request.id }, "", { outcome: "declined" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");
    const second = await requestAppointmentMove(token, { appointmentId: appointment.id, note: "Later still" });
    expect(second.status).toBe("open");
  });

  it("marks a request declined, with no response", async () => {
    const { request } = await openRequest();
    const { status, body } = await as(team.reception, "post", path, { id: request.id }, "", { outcome: "declined" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "declined", response: null });
  });

  it("tells the patient, on each channel they consented to, that a declined request's appointment stays as booked, with reception's reply", async () => {
    const { request, appointment, patientId } = await openRequest();
    await consentToAll(patientId);
    const reply = "No other slot is free this week";
    const { status } = await as(team.reception, "post", path, { id: request.id }, "", {
      outcome: "declined",
      response: reply,
    });
    expect(status).toBe(200);
    const messages = await declinedNotices(patientId);
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    const when = formatDateTime(appointment.startsAt, siteZone);
    for (const message of messages) {
      expect(message).toMatchObject({ appointmentId: appointment.id, status: "queued", sendAfter: now() });
      expect(message.body).toContain(`your consultation about your ankle on ${when}`);
      expect(message.body).toContain("stays as booked");
      expect(message.body).toContain(`The clinic says: “${reply}”`);
    }
    expect(messages.find((m) => m.channel === "email")!.subject).toBe(
      `We could not move your consultation about your ankle on ${when}`,
    );
  });

  it("tells the patient nothing when a request is marked done (the move sends its own notice), when they consented to no channel, or twice when two staff decline at once", async () => {
    const done = await openRequest();
    await consentToAll(done.patientId);
    await as(team.reception, "post", path, { id: done.request.id }, "", { outcome: "done" });
    expect(await declinedNotices(done.patientId)).toEqual([]);

    const unconsented = await openRequest();
    await as(team.reception, "post", path, { id: unconsented.request.id }, "", { outcome: "declined" });
    expect(await declinedNotices(unconsented.patientId)).toEqual([]);

    const raced = await openRequest();
    await consentToAll(raced.patientId);
    await signInAs(prisma, team.reception);
    const answers = await Promise.all(
      [1, 2].map(() => callRoute("post", path, { id: raced.request.id }, "", { outcome: "declined" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await declinedNotices(raced.patientId)).map((m) => m.channel).sort()).toEqual(["email", "sms"]);
  });

  it("answers 403 to the administrator and the clinical roles, 404 for an unknown request, 400 for an unknown outcome, and changes nothing", async () => {
    const { request } = await openRequest();
    for (const actor of [admin, team.nurse, team.surgeon]) {
      expect((await as(actor, "post", path, { id: request.id }, "", { outcome: "done" })).status).toBe(403);
    }
    expect((await as(team.reception, "post", path, { id: randomUUID() }, "", { outcome: "done" })).status).toBe(404);
    const bad = await as(team.reception, "post", path, { id: request.id }, "", { outcome: "moved" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["outcome"]);
    const row = await prisma.appointmentMoveRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "open", handledAt: null, handledById: null });
  });

  it("closes a request once when two staff handle it at the same moment", async () => {
    const { request } = await openRequest();
    await signInAs(prisma, team.reception);
    const answers = await Promise.all(
      [1, 2].map(() => callRoute("post", path, { id: request.id }, "", { outcome: "done" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});
