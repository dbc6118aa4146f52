// The anaesthetist sees which assessment applies: on the case (current, superseded or expired,
// with its last valid day) and on the worklist (ASA grade, admission and expiry of the current one).
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/time";
import { getCase, listCases } from "@/lib/services/cases";
import { dayFromToday } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

const validity = 90;
const worklistItem = async (caseId: string, patientId: string) =>
  (await listCases(team.anaesthetist, { patientId, limit: 10 })).items.find((c) => c.id === caseId)!;

describe("the assessment that applies (SX-3)", () => {
  it("shows the current assessment with its ASA grade, admission and last valid day on the worklist and the case", async () => {
    const { caseId, patientId } = await caseAt(team, "assessed");
    const row = await prisma.anaesthesiaAssessment.findFirstOrThrow({ where: { caseId } });
    const validUntil = addDays(row.assessedOn.toISOString().slice(0, 10), validity);
    expect((await worklistItem(caseId, patientId)).assessment).toEqual({
      asaGrade: row.asaGrade,
      admission: row.homeSupport ? "day_case" : "inpatient",
      validUntil,
      standing: "current",
    });
    const kase = await getCase(team.anaesthetist, caseId);
    expect(kase.clinical!.assessments.map((a) => [a.standing, a.validUntil])).toEqual([["current", validUntil]]);
  });

  it("marks an assessment past its validity as expired, on the worklist and the case, and a newer one takes over (SX-3)", async () => {
    const { caseId, patientId } = await caseAt(team, "assessed");
    const row = await prisma.anaesthesiaAssessment.findFirstOrThrow({ where: { caseId } });
    await prisma.anaesthesiaAssessment.update({
      where: { id: row.id },
      data: { assessedOn: new Date(`${dayFromToday(-validity - 1)}T00:00:00Z`) },
    });
    expect((await worklistItem(caseId, patientId)).assessment).toMatchObject({
      standing: "expired",
      validUntil: dayFromToday(-1),
    });
    expect((await getCase(team.anaesthetist, caseId)).clinical!.assessments[0]!.standing).toBe("expired");

    await prisma.anaesthesiaAssessment.create({
      data: {
        caseId,
        assessedOn: new Date(`${dayFromToday(0)}T00:00:00Z`),
        asaGrade: 3,
        anaesthesiaType: "general",
        homeSupport: false,
        anaesthetistId: team.anaesthetist.id,
      },
    });
    expect((await worklistItem(caseId, patientId)).assessment).toEqual({
      asaGrade: 3,
      admission: "inpatient",
      validUntil: dayFromToday(validity),
      standing: "current",
    });
    expect((await getCase(team.anaesthetist, caseId)).clinical!.assessments.map((a) => a.standing)).toEqual([
      "expired",
      "current",
    ]);
  });

  it("shows no assessment for a case not assessed yet, and none to reception, whose list carries no clinical detail", async () => {
    const listed = await caseAt(team, "listed");
    expect((await worklistItem(listed.caseId, listed.patientId)).assessment).toBeNull();
    const assessed = await caseAt(team, "assessed");
    const forReception = (await listCases(team.reception, { patientId: assessed.patientId, limit: 10 })).items[0]!;
    expect(forReception).not.toHaveProperty("assessment");
  });
});
