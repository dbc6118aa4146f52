// POST and GET /api/v1/cases/{id}/activity-returns through the route handlers: the return to an
// activity is recorded by a surgeon or physiotherapist, never before its clearance (PO-6) nor in
// the future (OC-2), once per activity; each refusal writes nothing.
import { call, callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { earliestClearance } from "@/lib/domain/care-plan";
import { addDays, daysBetween } from "@/lib/domain/time";
import { recordClearance } from "@/lib/services/case-commands";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
const path = "/api/v1/cases/{id}/activity-returns";

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

/** A case operated `daysAgo` days ago, cleared for running on its earliest day (PO-6) and for the patient's own sport. */
async function clearedCase(daysAgo = 80) {
  const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: daysAgo });
  const operationDay = dayFromToday(-daysAgo);
  const runningFrom = earliestClearance(operationDay, "running");
  await recordClearance(team.physio, caseId, { activity: "running", clearedOn: runningFrom }, now());
  await recordClearance(team.surgeon, caseId, { activity: "other", sport: "Ballet", clearedOn: runningFrom }, now());
  return { caseId, operationDay, runningFrom };
}

const returns = (caseId: string) => prisma.activityReturn.count({ where: { caseId } });
/** Audit rows of the case's recorded returns. */
async function audited(caseId: string) {
  const ids = (await prisma.activityReturn.findMany({ where: { caseId }, select: { id: true } })).map((r) => r.id);
  return prisma.auditEvent.count({ where: { action: "outcome.return.record", entityId: { in: ids } } });
}

async function refusedWith(caseId: string, body: object, status: number) {
  const response = await callRoute("POST", path, { id: caseId }, "", body);
  expect(response.status, await response.clone().text()).toBe(status);
  expect(await returns(caseId)).toBe(0);
  return response.json();
}

describe("return to activity (OC-2)", () => {
  it("records a return to running by a physiotherapist, with its days from the operation against the leaflet's two months (OC-2)", async () => {
    const { caseId, operationDay, runningFrom } = await clearedCase();
    await signInAs(prisma, team.physio);
    const response = await callRoute("POST", path, { id: caseId }, "", {
      activity: "running",
      resumedOn: today(),
      previousLevel: false,
    });
    expect(response.status).toBe(201);
    const allowedFromDay = daysBetween(operationDay, runningFrom);
    expect(await response.json()).toMatchObject({
      activity: "running",
      resumedOn: today(),
      previousLevel: false,
      dayAfterOperation: 80,
      allowedFrom: runningFrom,
      allowedFromDay,
      daysAfterAllowed: 80 - allowedFromDay,
      summary: `Resumed running on day 80, ${80 - allowedFromDay} days after it was allowed (from day ${allowedFromDay}).`,
    });
    expect(await returns(caseId)).toBe(1);
    expect(await audited(caseId)).toBe(1);
    const list = await (await callRoute("GET", path, { id: caseId })).json();
    expect(list.items.map((r: { activity: string }) => r.activity)).toEqual(["running"]);
  });

  it("records the patient's own sport by a surgeon, cleared as another sport (OC-2)", async () => {
    const { caseId } = await clearedCase();
    await signInAs(prisma, team.surgeon);
    const response = await callRoute("POST", path, { id: caseId }, "", {
      activity: "sport",
      sport: "Ballet",
      resumedOn: today(),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      activity: "sport",
      sport: "Ballet",
      previousLevel: null,
      allowedFrom: null,
    });
  });

  it("answers 403 to a nurse, an anaesthetist and reception, and writes nothing", async () => {
    const { caseId } = await clearedCase();
    for (const role of ["nurse", "anaesthetist", "reception"] as const) {
      await signInAs(prisma, team[role]);
      const body = await refusedWith(caseId, { activity: "running", resumedOn: today() }, 403);
      expect(body.code).toBe("FORBIDDEN");
    }
  });

  it("answers 400 at `sport` when the patient's sport is not named, or named for running, and at `activity` for an unknown one", async () => {
    const { caseId } = await clearedCase();
    await signInAs(prisma, team.physio);
    for (const body of [
      { activity: "sport", resumedOn: today() },
      { activity: "sport", sport: "  ", resumedOn: today() },
      { activity: "running", sport: "Ballet", resumedOn: today() },
    ]) {
      const answer = await refusedWith(caseId, body, 400);
      expect(answer.errors.map((e: { path: string }) => e.path)).toEqual(["sport"]);
    }
    const unknown = await refusedWith(caseId, { activity: "skydiving", resumedOn: "2026-02-30" }, 400);
    expect(unknown.errors.map((e: { path: string }) => e.path).sort()).toEqual(["activity", "resumedOn"]);
  });

  it("refuses a return before its clearance, naming the day cleared, and writes nothing (OC-2)", async () => {
    const { caseId, runningFrom } = await clearedCase();
    await signInAs(prisma, team.physio);
    const dayBefore = addDays(runningFrom, -1);
    const body = await refusedWith(caseId, { activity: "running", resumedOn: dayBefore }, 422);
    expect(body).toMatchObject({ code: "OC-2", detail: expect.stringContaining("cleared for running on") });
  });

  it("refuses a return to an activity never cleared, in the future, or before the operation (OC-2)", async () => {
    const { caseId } = await clearedCase();
    await signInAs(prisma, team.physio);
    const swimming = await refusedWith(caseId, { activity: "swimming", resumedOn: today() }, 422);
    expect(swimming).toMatchObject({ code: "OC-2", detail: expect.stringContaining("not been cleared for swimming") });
    const future = await refusedWith(caseId, { activity: "running", resumedOn: dayFromToday(1) }, 422);
    expect(future).toMatchObject({ code: "OC-2", detail: expect.stringContaining("future") });
    const before = await refusedWith(caseId, { activity: "running", resumedOn: dayFromToday(-81) }, 422);
    expect(before).toMatchObject({ code: "OC-2", detail: expect.stringContaining("before the operation") });
  });

  it("refuses a return on a case not operated (OC-2), and answers 404 for an unknown case", async () => {
    const { caseId } = await caseAt(team, "assessed");
    await signInAs(prisma, team.surgeon);
    const body = await refusedWith(caseId, { activity: "cycling", resumedOn: today() }, 422);
    expect(body.code).toBe("OC-2");
    expect(
      (await callRoute("POST", path, { id: randomUUID() }, "", { activity: "cycling", resumedOn: today() })).status,
    ).toBe(404);
  });

  it("keeps one return per activity and says so plainly; an Idempotency-Key repeat answers the first (OC-2)", async () => {
    const { caseId } = await clearedCase();
    await signInAs(prisma, team.physio);
    const send = (key: string) =>
      call("post", path, {
        params: { id: caseId },
        body: JSON.stringify({ activity: "running", resumedOn: today() }),
        headers: { "content-type": "application/json", "idempotency-key": key },
      });
    const first = await send(`return-${caseId}`);
    expect(first.status).toBe(201);
    const repeat = await send(`return-${caseId}`);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await repeat.json()).toEqual(await first.json());
    const again = await send(`return-again-${caseId}`);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: "OC-2", detail: expect.stringContaining("already recorded") });
    expect(await returns(caseId)).toBe(1);
    expect(await audited(caseId)).toBe(1);
  });
});
