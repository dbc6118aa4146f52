// What the patient does on their own page, through the route handlers: POST
// /portal/{token}/pain-scores (OC-1: the time point found from the day, source patient, audited
// with the patient as the actor) and POST /portal/{token}/move-requests (own upcoming appointment
// only, one open request per appointment even when requests race, the appointment untouched).
// A link that is unknown, expired or revoked is refused with no patient data and nothing written.
import { call, origin } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { walkCase } from "@/prisma/demo-cases";
import { cancelAppointment } from "@/lib/services/appointments";
import { registerPatient } from "@/lib/services/patients";
import { newPortalToken } from "@/lib/services/portal/access";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, siteAt, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

/** A link to `patientId`'s page: its token (the database keeps only the hash). */
async function linkFor(patientId: string, state: "live" | "expired" | "revoked" = "live") {
  const { token, tokenHash } = newPortalToken();
  await prisma.portalLink.create({
    data: {
      patientId,
      tokenHash,
      createdAt: siteAt(-40, 9),
      createdById: team.reception.id,
      expiresAt: state === "expired" ? siteAt(-1, 9) : siteAt(30, 9),
      revokedAt: state === "revoked" ? siteAt(-1, 10) : null,
      revokedById: state === "revoked" ? team.reception.id : null,
    },
  });
  return token;
}

/** A booked appointment of the case, `days` from today at 10:00 site time (or cancelled). */
async function appointmentOf(caseId: string, days: number, status: "booked" | "cancelled" = "booked") {
  const kase = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } });
  return prisma.appointment.create({
    data: {
      siteId: kase.siteId,
      caseId,
      patientId: kase.patientId,
      kind: "consultation",
      status,
      startsAt: siteAt(days, 10),
      endsAt: siteAt(days, 10, 30),
      createdById: team.reception.id,
    },
  });
}

async function post(path: "pain-scores" | "move-requests", token: string, body: unknown, headers = {}) {
  const response = await call("post", `/portal/{token}/${path}`, {
    params: { token },
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text,
    body: JSON.parse(text || "null"),
  };
}

/** Posts `body` as the page's plain form (no script) to its `path` route, from the page's own origin. */
const postForm = (path: "pain-scores" | "move-requests", token: string, body: string) =>
  call("post", `/portal/{token}/${path}`, {
    params: { token },
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
  });

const patientAudit = (patientId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { actorPatientId: patientId, action } });
const scoresOf = (caseId: string) => prisma.painScore.findMany({ where: { caseId } });

describe("POST /portal/{token}/pain-scores", () => {
  it("records today's score at the time point whose window holds today, as the patient's, audited with the patient as actor (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    const answer = await post("pain-scores", token, { score: 3 });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      recordedOn: today(),
      score: 3,
      timepoint: "week_6",
      source: "patient",
    });
    const [row] = await scoresOf(caseId);
    expect(row).toMatchObject({ source: "patient", recordedById: null, score: 3, timepoint: "week_6" });
    const audit = await patientAudit(patientId, "pain_score.report");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorPatientId: patientId, patientId, entityId: answer.body.id });
    expect(audit[0]!.detail).toMatchObject({ timepoint: "week_6" });
  });

  it("keeps one report per day: a second replaces the first, and ten sent at once leave one score (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    expect((await post("pain-scores", token, { score: 7 })).status).toBe(201);
    expect((await post("pain-scores", token, { score: 4 })).status).toBe(201);
    expect((await scoresOf(caseId)).map((s) => s.score)).toEqual([4]);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post("pain-scores", token, { score: i })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const rows = await scoresOf(caseId);
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => a.body.score)).toContain(rows[0]!.score);
  });

  it("keeps a score untimed when no window holds today (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 70 });
    const token = await linkFor(patientId);
    // Day 70 after the operation: between the 6-week and the 3-month windows.
    const between = await post("pain-scores", token, { score: 2, recordedOn: today() });
    expect(between.status).toBe(201);
    expect(between.body).toMatchObject({ recordedOn: today(), timepoint: null, source: "patient" });
    expect(await scoresOf(caseId)).toHaveLength(1);
  });

  it("refuses a day gone by with 422 OC-1, so the link cannot rewrite a time point's score (the baseline), and writes nothing (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 70 });
    const token = await linkFor(patientId);
    const before = await scoresOf(caseId);
    for (const recordedOn of [dayFromToday(-1), dayFromToday(-28)]) {
      const answer = await post("pain-scores", token, { score: 0, recordedOn });
      expect(answer.status, recordedOn).toBe(422);
      expect(answer.body, recordedOn).toMatchObject({ code: "OC-1", detail: expect.stringMatching(/Only today/) });
    }
    expect(await scoresOf(caseId)).toEqual(before);
    expect(await patientAudit(patientId, "pain_score.report")).toHaveLength(0);
  });

  it("refuses a day to come with 422 OC-1 and writes nothing (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    const answer = await post("pain-scores", token, { score: 5, recordedOn: dayFromToday(1) });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: "OC-1", detail: expect.stringMatching(/future/) });
    expect(await scoresOf(caseId)).toHaveLength(0);
    expect(await patientAudit(patientId, "pain_score.report")).toHaveLength(0);
  });

  it("answers 400 naming each field at fault", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    const paths = async (body: unknown) => {
      const answer = await post("pain-scores", token, body);
      expect(answer.status).toBe(400);
      return answer.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths({ score: 11, recordedOn: "2026-02-30" })).toEqual(["score", "recordedOn"]);
    expect(await paths({ score: 2.5 })).toEqual(["score"]);
    expect(await paths({})).toEqual(["score"]);
    expect(await paths({ score: 3, source: "clinician" })).toEqual([""]);
    expect(await scoresOf(caseId)).toHaveLength(0);
  });

  it("refuses an expired (403 PORTAL_LINK_EXPIRED), revoked (403 PORTAL_LINK_REVOKED) or unknown (404) link with no patient data, and writes nothing", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const expired = await post("pain-scores", await linkFor(patientId, "expired"), { score: 3 });
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe("PORTAL_LINK_EXPIRED");
    const revoked = await post("pain-scores", await linkFor(patientId, "revoked"), { score: 3 });
    expect(revoked.status).toBe(403);
    expect(revoked.body.code).toBe("PORTAL_LINK_REVOKED");
    const unknown = await post("pain-scores", newPortalToken().token, { score: 3 });
    expect(unknown.status).toBe(404);
    const patient = await prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
    for (const answer of [expired, revoked, unknown]) {
      expect(answer.type).toBe("application/problem+json");
      for (const secret of [patientId, patient.familyName, patient.mrn, caseId])
        expect(answer.text).not.toContain(secret);
    }
    expect(await scoresOf(caseId)).toHaveLength(0);
    expect(await prisma.auditEvent.count({ where: { actorPatientId: patientId } })).toBe(0);
  });

  it("refuses another site's page (403), a body that is not JSON or the page's form (415), and answers 404 to a patient with no case", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    expect((await post("pain-scores", token, { score: 3 }, { origin: "https://elsewhere.example" })).status).toBe(403);
    const text = await call("post", "/portal/{token}/pain-scores", {
      params: { token },
      body: "score=3",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(await scoresOf(caseId)).toHaveLength(0);
    expect((await post("pain-scores", token, { score: 3 }, { origin })).status).toBe(201);

    const caseless = await registerPatient(team.reception, {
      givenName: "No",
      familyName: `Case${randomUUID().slice(0, 6)}`,
      birthDate: "1980-01-01",
      sex: "female",
      phone: null,
      email: null,
    });
    const none = await post("pain-scores", await linkFor(caseless.id), { score: 3 });
    expect(none.status).toBe(404);
    expect(none.body.detail).toMatch(/no treatment on record/);
  });

  it("takes the page's plain form: a success goes back to the page, a refusal is a short page saying why", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const token = await linkFor(patientId);
    const form = (body: string) => postForm("pain-scores", token, body);
    const saved = await form(`score=6&recordedOn=${today()}`);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/portal/${token}#pain`);
    const refused = await form(`score=6&recordedOn=${dayFromToday(2)}`);
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await refused.text()).toMatch(/cannot be dated in the future/);
    expect((await form("score=eleven")).status).toBe(400);
    expect((await scoresOf(caseId)).map((s) => s.score)).toEqual([6]);
  });

  it("scores the case after its operation rather than a newer case not yet operated", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const other = await walkCase(team, patientId, "assessed", { now: now(), side: "right" });
    const answer = await post("pain-scores", await linkFor(patientId), { score: 3 });
    expect(answer.status).toBe(201);
    expect((await scoresOf(caseId)).map((s) => s.id)).toEqual([answer.body.id]);
    expect(await scoresOf(other.caseId)).toHaveLength(0);
  });
});

describe("POST /portal/{token}/move-requests", () => {
  it("records a request for the patient's own upcoming appointment, audited with the patient as actor, leaving the appointment as it was", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const appointment = await appointmentOf(caseId, 5);
    const token = await linkFor(patientId);
    const answer = await post("move-requests", token, { appointmentId: appointment.id, note: "  Mornings suit me  " });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      appointmentId: appointment.id,
      status: "open",
      requestedAt: now().toISOString(),
    });
    const row = await prisma.appointmentMoveRequest.findUniqueOrThrow({ where: { id: answer.body.id } });
    expect(row).toMatchObject({ patientId, note: "Mornings suit me", status: "open", handledById: null });
    expect(await prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toEqual(appointment);
    const audit = await patientAudit(patientId, "move_request.create");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorPatientId: patientId, entityId: row.id });
  });

  it("takes the page's plain form (no script): a request goes back to the page, a refusal is a short page saying why", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const appointment = await appointmentOf(caseId, 5);
    const token = await linkFor(patientId);
    const form = (body: string) => postForm("move-requests", token, body);
    const sent = await form(`appointmentId=${appointment.id}&note=Any+weekday+morning`);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/portal/${token}#move`);
    const again = await form(`appointmentId=${appointment.id}&note=Later`);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await form(`appointmentId=${appointment.id}`)).status).toBe(400);
    const rows = await prisma.appointmentMoveRequest.findMany({ where: { appointmentId: appointment.id } });
    expect(rows.map((r) => r.note)).toEqual(["Any weekday morning"]);
  });

  it("closes the patient's open request as declined, saying why, when reception cancels the appointment (SC-4)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const appointment = await appointmentOf(caseId, 5);
    const token = await linkFor(patientId);
    const asked = await post("move-requests", token, { appointmentId: appointment.id, note: "Afternoons please" });
    expect(asked.status).toBe(201);
    await cancelAppointment(team.reception, appointment.id, { reason: "Clinic closed" });
    expect(await prisma.appointmentMoveRequest.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({
      status: "declined",
      handledById: team.reception.id,
      response: "The appointment was cancelled.",
    });
  });

  it("refuses another patient's appointment (404), a cancelled or past one (409 NOT_UPCOMING) and a note empty or over 500 characters (400)", async () => {
    const mine = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const theirs = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const token = await linkFor(mine.patientId);
    const notMine = await post("move-requests", token, {
      appointmentId: (await appointmentOf(theirs.caseId, 5)).id,
      note: "Any day",
    });
    expect(notMine.status).toBe(404);
    expect((await post("move-requests", token, { appointmentId: randomUUID(), note: "Any day" })).status).toBe(404);
    for (const appointment of [
      await appointmentOf(mine.caseId, 6, "cancelled"),
      await appointmentOf(mine.caseId, -2),
    ]) {
      const answer = await post("move-requests", token, { appointmentId: appointment.id, note: "Any day" });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe("NOT_UPCOMING");
    }
    const upcoming = await appointmentOf(mine.caseId, 7);
    for (const note of ["   ", "x".repeat(501)]) {
      const answer = await post("move-requests", token, { appointmentId: upcoming.id, note });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(["note"]);
    }
    expect(await prisma.appointmentMoveRequest.count({ where: { patientId: mine.patientId } })).toBe(0);
    expect(await patientAudit(mine.patientId, "move_request.create")).toHaveLength(0);
  });

  it("keeps one open request per appointment: five at once give one 201 and four 409 MOVE_REQUEST_OPEN", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const one = await linkFor(patientId);
    const five = await Promise.all(Array.from({ length: 5 }, () => linkFor(patientId)));
    // Through one link the requests queue on the link's row; through five links they truly race,
    // and only the database's partial unique index stops a second open request.
    for (const tokens of [[one, one, one, one, one], five]) {
      const appointment = await appointmentOf(caseId, tokens === five ? 6 : 5);
      const answers = await Promise.all(
        tokens.map((token, i) => post("move-requests", token, { appointmentId: appointment.id, note: `Try ${i}` })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409))
        expect(refused.body.code).toBe("MOVE_REQUEST_OPEN");
      expect(await prisma.appointmentMoveRequest.count({ where: { appointmentId: appointment.id } })).toBe(1);
    }
    expect(await patientAudit(patientId, "move_request.create")).toHaveLength(2);
  });

  it("refuses a revoked or expired link and writes nothing", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 10 });
    const appointment = await appointmentOf(caseId, 5);
    for (const state of ["revoked", "expired"] as const) {
      const answer = await post("move-requests", await linkFor(patientId, state), {
        appointmentId: appointment.id,
        note: "Any day",
      });
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain(appointment.id);
    }
    expect(await prisma.appointmentMoveRequest.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });
});
