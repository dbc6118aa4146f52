import { beforeAll, describe, expect, it } from "vitest";
import { listForSurgery, recordImaging, recordOperation, startFirstLineCourse } from "@/lib/services/case-commands";
import { getCarePlan, getCase } from "@/lib/services/cases";
import { addDays } from "@/lib/domain/time";
import { testDatabase } from "../setup/db";
import { minutesFromNow, today as todayOfRun } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { answered, asAnswered } from "../setup/answered";

const prisma = testDatabase();
let team: Team;
const today = todayOfRun();

beforeAll(async () => {
  team = await createTeam(prisma);
});

async function rowCounts(caseId: string) {
  const [imaging, courses, transitions, audit] = await Promise.all([
    prisma.imagingStudy.count({ where: { caseId } }),
    prisma.firstLineCourse.count({ where: { caseId } }),
    prisma.caseTransition.count({ where: { caseId } }),
    prisma.auditEvent.count({ where: { entityId: caseId } }),
  ]);
  return { imaging, courses, transitions, audit };
}

describe("case commands against the database", () => {
  it("walks a case from referral to operation, recording every transition with who and why (SX-6)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const detail = await getCase(team.surgeon, caseId);
    expect(detail.status).toBe("operated");
    expect(detail.history.map((h) => h.to)).toEqual([
      "referred",
      "diagnosed",
      "first_line",
      "listed_for_surgery",
      "assessed",
      "operated",
    ]);
    expect(detail.history.every((h) => h.by && h.reason)).toBe(true);
    const plan = await getCarePlan(team.surgeon, caseId);
    expect(plan.operationDate).toBe(addDays(today, -3));
    expect(plan.dressings.map((d) => d.day)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(plan.milestones.map((m) => m.activity)).toEqual(["cycling", "swimming", "running"]);
  });

  it("refuses first-line treatment before the diagnosis and writes nothing (DX-3)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const before = await rowCounts(caseId);
    await expect(
      asAnswered(
        startFirstLineCourse(team.surgeon, caseId, {
          startedOn: today,
          painSeverity: "mild",
          measures: ["analgesics"],
        }),
      ),
    ).rejects.toMatchObject({ status: 422, code: "DX-3" });
    expect(await rowCounts(caseId)).toEqual(before);
  });

  it("shows reception the summary only: no clinical record, no reasons (case.readSummary)", async () => {
    const { caseId } = await caseAt(team, "diagnosed");
    const summary = await getCase(team.reception, caseId);
    expect(summary.clinical).toBeNull();
    expect(summary.history.every((h) => h.reason === undefined)).toBe(true);
  });

  it("tells the page which actions a rule stops, with the rule (DX-3, SX-1)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const detail = await getCase(team.surgeon, caseId);
    expect(detail.clinical!.actions.firstLineCourse).toMatchObject({ allowed: false, rule: "DX-3" });
    expect(detail.clinical!.actions.listing).toMatchObject({ allowed: false, rule: "SX-1" });
    expect(detail.clinical!.actions.imaging).toEqual({ allowed: true });
  });

  it("lets only one of two simultaneous listings of a case through (SX-1, PW-3)", async () => {
    const { caseId } = await caseAt(team, "failed_course");
    const results = await Promise.allSettled(Array.from({ length: 2 }, () => listForSurgery(team.surgeon, caseId, {})));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect({ ...rejected, reason: answered(rejected?.reason) }).toMatchObject({
      reason: { status: 422, code: "PW-3" },
    });
    expect(await prisma.surgicalListing.count({ where: { caseId } })).toBe(1);
  });

  it("lets only one of eight simultaneous operation notes through, with one plan (SX-6)", async () => {
    const { caseId } = await caseAt(team, "assessed");
    const note = {
      performedAt: minutesFromNow(-60).toISOString(),
      procedure: "Posterior ankle arthroscopy",
      anaesthesiaGiven: "locoregional" as const,
      findings: "Spur",
      dischargeAnalgesia: "Paracetamol",
    };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => recordOperation(team.surgeon, caseId, note)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.operation.count({ where: { caseId } })).toBe(1);
    expect(await prisma.dressingVisit.count({ where: { caseId } })).toBe(7);
  });

  it("refuses imaging dated tomorrow (PW-1)", async () => {
    const { caseId } = await caseAt(team, "referred");
    await expect(
      recordImaging(team.surgeon, caseId, {
        modality: "mri",
        performedOn: addDays(today, 1),
        findings: "x",
        supportsDiagnosis: true,
      }),
    ).rejects.toMatchObject({ code: "PW-1" });
  });
});
