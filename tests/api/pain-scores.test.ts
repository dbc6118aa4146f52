// POST /api/v1/cases/{id}/pain-scores through its route handler: who may record (clinical roles),
// 400 with the fields at fault, 422 OC-1 for each kind of refusal with nothing written, the
// audit row, and an Idempotency-Key repeat answering the first score without a second one.
import { callRoute, call, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addDays, addMonthsClamped } from "@/lib/domain/time";
import { testDatabase } from "../setup/db";
import { dayFromToday, siteAt, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
const path = "/api/v1/cases/{id}/pain-scores";

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
});

const written = async (caseId: string) => ({
  scores: await prisma.painScore.count({ where: { caseId } }),
  audited: await prisma.auditEvent.count({
    where: { action: "pain_score.record", patientId: await patientOf(caseId) },
  }),
});
const patientOf = async (caseId: string) =>
  (await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } })).patientId;

/** Posts a score as `actor`; answers the response and its body. */
async function post(actor: Actor | null, caseId: string, body: unknown) {
  await signInAs(prisma, actor);
  const response = await callRoute("post", path, { id: caseId }, "", body);
  return { status: response.status, body: await response.json() };
}

describe("POST /api/v1/cases/{id}/pain-scores", () => {
  it("records a score at 6 weeks for each clinical role, audited once each (OC-1)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const at6Weeks = dayFromToday(-3);
    for (const [i, actor] of [team.nurse, team.surgeon, team.anaesthetist, team.physio].entries()) {
      const { status, body } = await post(actor, caseId, { recordedOn: at6Weeks, score: i + 2, timepoint: "week_6" });
      expect(status).toBe(201);
      expect(body).toEqual({
        id: expect.any(String),
        recordedOn: at6Weeks,
        score: i + 2,
        timepoint: "week_6",
        source: "clinician",
      });
      const row = await prisma.painScore.findUniqueOrThrow({ where: { id: body.id } });
      expect(row.recordedById).toBe(actor.id);
    }
    expect(await written(caseId)).toEqual({ scores: 4, audited: 4 });
  });

  it("answers 401 signed out, 403 to reception and the administrator, 404 for an unknown case, and writes nothing", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const body = { recordedOn: dayFromToday(-3), score: 4, timepoint: "week_6" };
    expect((await post(null, caseId, body)).status).toBe(401);
    for (const actor of [team.reception, admin]) {
      const refused = await post(actor, caseId, body);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("FORBIDDEN");
    }
    expect((await post(team.surgeon, randomUUID(), body)).status).toBe(404);
    expect(await written(caseId)).toEqual({ scores: 0, audited: 0 });
  });

  it("answers 400 naming each field at fault: a score outside 0-10 or not whole, an unknown time point, a day the calendar lacks", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    const paths = async (body: unknown) => {
      const { status, body: problem } = await post(team.surgeon, caseId, body);
      expect(status).toBe(400);
      return problem.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths({ recordedOn: "2026-02-30", score: 11, timepoint: "week_5" })).toEqual([
      "recordedOn",
      "score",
      "timepoint",
    ]);
    expect(await paths({ recordedOn: dayFromToday(-3), score: 2.5, timepoint: "week_6" })).toEqual(["score"]);
    expect(await paths({ recordedOn: dayFromToday(-3), score: -1, timepoint: "week_6" })).toEqual(["score"]);
    expect(await paths({})).toEqual(["recordedOn", "score", "timepoint"]);
    expect(await paths({ recordedOn: dayFromToday(-3), score: 3, timepoint: "week_6", source: "patient" })).toEqual([
      "",
    ]);
    expect(await written(caseId)).toEqual({ scores: 0, audited: 0 });
  });

  it("answers 422 OC-1 for a day to come, a day before the referral and a day outside the point's window, and writes nothing (OC-1)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 100 });
    const operatedOn = dayFromToday(-100);
    const referredOn = addDays(operatedOn, -160);
    const refusals = [
      { recordedOn: dayFromToday(1), timepoint: "month_3", words: /future/ },
      { recordedOn: addDays(referredOn, -1), timepoint: "referral", words: /before the referral/ },
      { recordedOn: addDays(operatedOn, 20), timepoint: "week_6", words: /at 6 weeks is due from/ },
      { recordedOn: addDays(operatedOn, -31), timepoint: "pre_op", words: /before the operation is due from/ },
      {
        recordedOn: addDays(addMonthsClamped(operatedOn, 3), -15),
        timepoint: "month_3",
        words: /at 3 months is due from/,
      },
    ];
    for (const { recordedOn, timepoint, words } of refusals) {
      const { status, body } = await post(team.surgeon, caseId, { recordedOn, score: 5, timepoint });
      expect(status, `${timepoint} on ${recordedOn}`).toBe(422);
      expect(body).toMatchObject({ code: "OC-1", rule: expect.any(String), detail: expect.stringMatching(words) });
    }
    expect(await written(caseId)).toEqual({ scores: 0, audited: 0 });
  });

  it("answers 422 OC-1 for a post-operative point before the operation and a pre-operative one with no operation booked, and writes nothing (OC-1)", async () => {
    const { caseId } = await caseAt(team, "assessed", { operatedDaysAgo: -10 });
    const month3 = await post(team.nurse, caseId, { recordedOn: today(), score: 5, timepoint: "month_3" });
    expect(month3.status).toBe(422);
    expect(month3.body).toMatchObject({ code: "OC-1", detail: expect.stringMatching(/operation is not recorded/) });
    const preOp = await post(team.nurse, caseId, { recordedOn: today(), score: 5, timepoint: "pre_op" });
    expect(preOp.status).toBe(422);
    expect(preOp.body).toMatchObject({ code: "OC-1", detail: expect.stringMatching(/^Book the operation first/) });
    expect(await written(caseId)).toEqual({ scores: 0, audited: 0 });
  });

  it("takes a pre-operative score within 30 days before a booked arthroscopy (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "assessed", { operatedDaysAgo: -10 });
    const kase = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } });
    await prisma.appointment.create({
      data: {
        siteId: kase.siteId,
        caseId,
        patientId,
        kind: "arthroscopy",
        startsAt: siteAt(10, 9),
        endsAt: siteAt(10, 10, 30),
        clinicianId: team.surgeon.id,
        createdById: team.reception.id,
      },
    });
    const { status, body } = await post(team.anaesthetist, caseId, {
      recordedOn: today(),
      score: 7,
      timepoint: "pre_op",
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ timepoint: "pre_op", score: 7 });
  });

  it("answers a repeat with the same Idempotency-Key with the first score, writing one", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 45 });
    await signInAs(prisma, team.physio);
    const send = () =>
      call("post", path, {
        params: { id: caseId },
        body: JSON.stringify({ recordedOn: dayFromToday(-2), score: 3, timepoint: "week_6" }),
        headers: { "content-type": "application/json", "idempotency-key": `pain-${caseId}` },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const body = await first.json();
    const repeat = await send();
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await repeat.json()).toEqual(body);
    expect(await written(caseId)).toEqual({ scores: 1, audited: 1 });
  });
});
