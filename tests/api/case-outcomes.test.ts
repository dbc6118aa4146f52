// GET /api/v1/cases/{id}/outcomes through its route handler, and the patient's own score: the
// pain series with its baseline and changes (OC-1, OC-4), the returns and complications read
// from their tables, who may read it, and the one audit row of each read.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { addDays, addMonthsClamped } from "@/lib/domain/time";
import { recordPainScore, recordReportedPainScore } from "@/lib/services/pain-scores";
import { testDatabase } from "../setup/db";
import { dayFromToday, minutesFromNow, now, siteAt, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
const path = "/api/v1/cases/{id}/outcomes";

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
});

/** A case operated `days` ago (referred 160 days before the operation, listed 95 before it). */
const operatedCase = (days: number) => caseAt(team, "operated", { operatedDaysAgo: days });

async function read(actor: Actor | null, caseId: string) {
  await signInAs(prisma, actor);
  const response = await callRoute("get", path, { id: caseId });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/v1/cases/{id}/outcomes", () => {
  it("answers the pain series oldest first, the pre-operative baseline and each post-operative change, important at 2 points or more (OC-1, OC-4)", async () => {
    const { caseId } = await operatedCase(100);
    const operatedOn = dayFromToday(-100);
    const listedOn = addDays(operatedOn, -95);
    const record = (timepoint: "listing" | "pre_op" | "week_6" | "month_3", recordedOn: string, score: number) =>
      recordPainScore(team.surgeon, caseId, { timepoint, recordedOn, score });
    await record("month_3", addMonthsClamped(operatedOn, 3), 3);
    await record("listing", listedOn, 8);
    await record("pre_op", addDays(operatedOn, -3), 7);
    await record("week_6", addDays(operatedOn, 42), 6);
    const { status, body } = await read(team.physio, caseId);
    expect(status).toBe(200);
    expect(body).toEqual({
      painScores: [
        { recordedOn: listedOn, score: 8, timepoint: "listing", source: "clinician" },
        { recordedOn: addDays(operatedOn, -3), score: 7, timepoint: "pre_op", source: "clinician" },
        { recordedOn: addDays(operatedOn, 42), score: 6, timepoint: "week_6", source: "clinician" },
        { recordedOn: addMonthsClamped(operatedOn, 3), score: 3, timepoint: "month_3", source: "clinician" },
      ],
      baseline: { timepoint: "pre_op", score: 7, recordedOn: addDays(operatedOn, -3) },
      changes: [
        { timepoint: "week_6", change: -1, important: false },
        { timepoint: "month_3", change: -4, important: true },
      ],
      returns: [],
      complications: [],
    });
  });

  it("takes the listing score as the baseline when none was scored before the operation, the latest of two on one day (OC-4)", async () => {
    const { caseId } = await operatedCase(50);
    const operatedOn = dayFromToday(-50);
    const listedOn = addDays(operatedOn, -95);
    await recordPainScore(
      team.nurse,
      caseId,
      { timepoint: "listing", recordedOn: listedOn, score: 6 },
      minutesFromNow(-2),
    );
    await recordPainScore(
      team.nurse,
      caseId,
      { timepoint: "listing", recordedOn: listedOn, score: 5 },
      minutesFromNow(-1),
    );
    await recordPainScore(team.nurse, caseId, { timepoint: "week_6", recordedOn: addDays(operatedOn, 42), score: 3 });
    const { body } = await read(team.nurse, caseId);
    expect(body.baseline).toEqual({ timepoint: "listing", score: 5, recordedOn: listedOn });
    expect(body.changes).toEqual([{ timepoint: "week_6", change: -2, important: true }]);
  });

  it("keeps a clinician's score standing at a time point when the patient reports there later, so a link cannot replace the baseline or a change (OC-1, OC-4)", async () => {
    const { caseId } = await operatedCase(42);
    const operatedOn = dayFromToday(-42);
    const listedOn = addDays(operatedOn, -95);
    await recordPainScore(team.surgeon, caseId, { timepoint: "listing", recordedOn: listedOn, score: 7 });
    await recordPainScore(team.nurse, caseId, { timepoint: "week_6", recordedOn: dayFromToday(-1), score: 3 });
    await db().$transaction((tx) => recordReportedPainScore(tx, caseId, { score: 9 }, now()));
    const { body } = await read(team.surgeon, caseId);
    expect(body.painScores).toContainEqual({ recordedOn: today(), score: 9, timepoint: "week_6", source: "patient" });
    expect(body.baseline).toEqual({ timepoint: "listing", score: 7, recordedOn: listedOn });
    expect(body.changes).toEqual([{ timepoint: "week_6", change: -4, important: true }]);
  });

  it("shows the patient's own scores: one in a window takes its time point, one between windows stays untimed, one dated ahead is refused (OC-1)", async () => {
    const { caseId } = await operatedCase(42);
    await db().$transaction((tx) => recordReportedPainScore(tx, caseId, { score: 4 }, now()));
    // Reported on the page 20 days ago, that day.
    await db().$transaction((tx) => recordReportedPainScore(tx, caseId, { score: 5 }, siteAt(-20, 12)));
    await expect(
      db().$transaction((tx) => recordReportedPainScore(tx, caseId, { score: 5, recordedOn: dayFromToday(1) }, now())),
    ).rejects.toMatchObject({ kind: "rule", code: "OC-1" });
    const { body } = await read(team.anaesthetist, caseId);
    expect(body.painScores).toEqual([
      { recordedOn: dayFromToday(-20), score: 5, timepoint: null, source: "patient" },
      { recordedOn: today(), score: 4, timepoint: "week_6", source: "patient" },
    ]);
    const rows = await prisma.painScore.findMany({ where: { caseId } });
    expect(rows.map((r) => r.recordedById)).toEqual([null, null]);
  });

  it("reads the case's returns to activity and complications from their records (OC-2, OC-3)", async () => {
    const { caseId } = await operatedCase(70);
    await prisma.activityReturn.create({
      data: {
        caseId,
        activity: "running",
        resumedOn: dateColumn(dayFromToday(-5)),
        previousLevel: false,
        recordedById: team.physio.id,
      },
    });
    await prisma.complication.create({
      data: {
        caseId,
        occurredOn: dateColumn(dayFromToday(-60)),
        kind: "wound_infection",
        grade: "II",
        notes: "Oral antibiotics",
        recordedById: team.surgeon.id,
      },
    });
    const { body } = await read(team.surgeon, caseId);
    expect(body.returns).toEqual([
      { activity: "running", sport: null, resumedOn: dayFromToday(-5), previousLevel: false },
    ]);
    expect(body.complications).toEqual([
      { occurredOn: dayFromToday(-60), kind: "wound_infection", grade: "II", notes: "Oral antibiotics" },
    ]);
  });

  it("is read by the clinical roles, each read audited once; 403 to reception and the administrator, 404 for an unknown case", async () => {
    const { caseId, patientId } = await operatedCase(10);
    const audited = () => prisma.auditEvent.count({ where: { action: "case.outcomes.read", patientId } });
    for (const actor of [team.nurse, team.surgeon, team.anaesthetist, team.physio])
      expect((await read(actor, caseId)).status).toBe(200);
    expect(await audited()).toBe(4);
    for (const actor of [team.reception, admin]) expect((await read(actor, caseId)).status).toBe(403);
    expect((await read(null, caseId)).status).toBe(401);
    expect((await read(team.surgeon, randomUUID())).status).toBe(404);
    expect(await audited()).toBe(4);
  });
});
