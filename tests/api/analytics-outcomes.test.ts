// GET /api/v1/analytics/outcomes and /outcomes.csv through their route handlers: who may read
// them, what a bad period answers, and the figures of a small cohort (OC-1..OC-4).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { dateColumn } from "@/lib/db/dates";
import { addDays } from "@/lib/domain/time";
import type { PainTimepoint } from "@/lib/domain/vocabulary";
import { testDatabase } from "../setup/db";
import { dayFromToday, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { callRoute, signInAs } from "../setup/routes";

const prisma = testDatabase();
const path = "/api/v1/analytics/outcomes";
let staff: Team & { admin: Actor };
const caseIds: string[] = [];

/** An operated case with its scores (time point: score), returns (activity: days after) and complications. */
async function operated(
  operatedDaysAgo: number,
  scores: Partial<Record<PainTimepoint, number>>,
  returns: { cycling?: number; running?: number },
  complications: { kind: "wound_infection" | "nerve_injury"; grade: "I" | "II" }[],
) {
  const { caseId } = await caseAt(staff, "operated", { operatedDaysAgo });
  const operatedOn = dayFromToday(-operatedDaysAgo);
  const recordedById = staff.surgeon.id;
  await prisma.painScore.createMany({
    data: Object.entries(scores).map(([timepoint, score]) => ({
      caseId,
      recordedOn: dateColumn(today()),
      score,
      timepoint: timepoint as PainTimepoint,
      recordedById,
    })),
  });
  await prisma.activityReturn.createMany({
    data: Object.entries(returns).map(([activity, days]) => ({
      caseId,
      activity: activity as "cycling" | "running",
      resumedOn: dateColumn(addDays(operatedOn, days)),
      recordedById,
    })),
  });
  await prisma.complication.createMany({
    data: complications.map((k) => ({ caseId, occurredOn: dateColumn(operatedOn), ...k, recordedById })),
  });
  caseIds.push(caseId);
}

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
  await operated(100, { pre_op: 7, week_6: 5, month_3: 4 }, { cycling: 25, running: 70 }, [
    { kind: "wound_infection", grade: "II" },
  ]);
  await operated(200, { listing: 6, month_3: 5 }, {}, [{ kind: "nerve_injury", grade: "I" }]);
  // Operated before the default twelve months.
  await operated(400, { pre_op: 9, month_3: 1 }, {}, []);
}, 120_000);

async function as(role: Role, query = "", route = path) {
  await signInAs(prisma, staff[role as keyof typeof staff]);
  return callRoute("get", route, {}, query);
}

describe("GET /api/v1/analytics/outcomes", () => {
  it("answers the cohort operated in the twelve months to today: pain by time point, OC-4 shares, returns, complications per 100", async () => {
    const response = await as("admin");
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.operations).toBe(2);
    const pain = Object.fromEntries(report.pain.map((p: { timepoint: string }) => [p.timepoint, p]));
    expect(pain.month_3).toEqual({ timepoint: "month_3", patients: 2, lowerQuartile: 4, median: 4, upperQuartile: 5 });
    expect(pain.pre_op).toMatchObject({ patients: 1, median: 7 });
    expect(pain.month_12).toMatchObject({ patients: 0, median: null });
    // OC-4: 7 -> 4 is an important fall (3 >= 2), 6 -> 5 is not.
    expect(report.improvement).toEqual({
      importantDifference: 2,
      points: [
        { timepoint: "month_3", improved: 1, measured: 2, share: 0.5 },
        { timepoint: "month_12", improved: 0, measured: 0, share: null },
      ],
    });
    expect(report.returns.find((r: { activity: string }) => r.activity === "running")).toEqual({
      activity: "running",
      returned: 1,
      medianDays: 70,
    });
    expect(report.running).toEqual({ operated: 2, followed: 2, back: 0, share: 0, curve: [{ day: 70, returned: 1 }] });
    expect(report.complications).toMatchObject({ operations: 2, total: 2 });
    expect(report.complications.byKind.find((k: { kind: string }) => k.kind === "wound_infection")).toEqual({
      kind: "wound_infection",
      count: 1,
      per100: 50,
    });
    // Figures only for the administrator: no case, no name.
    for (const id of caseIds) expect(JSON.stringify(report)).not.toContain(id);
  });

  it("counts the period asked for, and names the cases behind each figure to a surgeon", async () => {
    const report = await (await as("surgeon", `?from=${dayFromToday(-450)}&to=${today()}`)).json();
    expect(report.operations).toBe(3);
    expect(report.improvement.points[0]).toMatchObject({ improved: 2, measured: 3 });
    expect([...report.improvement.points[0].improvedCaseIds].sort()).toEqual([caseIds[0], caseIds[2]].sort());
  });

  it("is for surgeons and administrators: 403 to every other role, 401 signed out", async () => {
    for (const role of ["surgeon", "admin"] as const) expect((await as(role)).status, role).toBe(200);
    for (const role of ["reception", "nurse", "anaesthetist", "physio"] as const)
      expect((await as(role)).status, role).toBe(403);
    await signInAs(prisma, null);
    expect((await callRoute("get", path, {})).status).toBe(401);
  });

  it("answers 400 naming the field for a day the calendar lacks or a period that ends before it starts", async () => {
    for (const [query, field] of [
      ["?from=2026-02-30", "from"],
      [`?from=${today()}&to=${dayFromToday(-1)}`, "to"],
    ] as const) {
      const response = await as("surgeon", query);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});

describe("GET /api/v1/analytics/outcomes.csv", () => {
  it("downloads each table as CSV, counts only, and audits the export", async () => {
    const response = await as("admin", "?table=improvement", `${path}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("outcomes-improvement.csv");
    expect(await response.text()).toBe(
      "timepoint,important_difference,improved,measured,share\r\nmonth_3,2,1,2,0.5\r\nmonth_12,2,0,0,\r\n",
    );
    const audit = await prisma.auditEvent.findFirst({
      where: { actorId: staff.admin.id, action: "analytics.outcomes.export" },
    });
    expect(audit?.detail).toMatchObject({ table: "improvement", from: expect.any(String), to: today() });
    for (const table of ["pain", "returns", "complications"]) {
      const csv = await (await as("surgeon", `?table=${table}`, `${path}.csv`)).text();
      expect(csv.split("\r\n").length, table).toBeGreaterThan(2);
      for (const id of caseIds) expect(csv).not.toContain(id);
    }
  });

  it("answers 400 for an unknown table and 403 to a nurse", async () => {
    const response = await as("surgeon", "?table=patients", `${path}.csv`);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual(["table"]);
    expect((await as("nurse", "?table=pain", `${path}.csv`)).status).toBe(403);
  });
});
