// GET /fhir/R4/Observation/{id} and /fhir/R4/Observation?subject=&date= through the route
// handlers: pain scores (OC-1) as LOINC 72514-3 Observations, valid FHIR R4 (tests/setup/fhir.ts),
// read under the policy and audit of GET /api/v1/cases/{id}/outcomes.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, CapabilityStatement, Observation, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

import { painTimepointSystem } from "@/lib/fhir/observation";
import { system } from "@/lib/fhir/terminology";
import { recordPainScore, recordReportedPainScore } from "@/lib/services/pain-scores";
import { walkCase } from "@/prisma/demo-cases";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, siteAt } from "../setup/clock";
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

/** A score the patient reported on their own page `days` from today, at noon that day (at most one a day). */
const reported = (caseId: string, score: number, days: number) =>
  db().$transaction((tx) => recordReportedPainScore(tx, caseId, { score }, siteAt(days, 12)));

/** A case operated 50 days ago whose patient reported a score on each of days -10, -9, -8 and -7. */
async function scoredCase() {
  const kase = await caseAt(team, "operated", { operatedDaysAgo: 50 });
  const scores = [];
  for (const [offset, score] of [
    [-10, 5],
    [-9, 4],
    [-8, 3],
    [-7, 2],
  ] as const)
    scores.push(await reported(kase.caseId, score, offset));
  return { ...kase, scores };
}

const ids = (bundle: Bundle) => entriesOf<Observation>(bundle).map((o) => o.id);

describe("Observation read", () => {
  it("answers a clinician's score with LOINC 72514-3, survey category, the day, the score, the clinician and the time point, and audits the read", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 42 });
    const score = await recordPainScore(team.nurse, caseId, {
      timepoint: "week_6",
      recordedOn: dayFromToday(0),
      score: 3,
    });
    await signInAs(prisma, team.surgeon);
    const before = await prisma.auditEvent.count({ where: { entityId: score.id, action: "case.outcomes.read" } });
    const { status, body } = await fhirGet<Observation>(`Observation/${score.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      resourceType: "Observation",
      id: score.id,
      status: "final",
      category: [{ coding: [{ system: system.observationCategory, code: "survey" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] },
      subject: { reference: `Patient/${patientId}` },
      focus: [{ reference: `Condition/${caseId}` }],
      effectiveDateTime: dayFromToday(0),
      valueInteger: 3,
      performer: [{ reference: `Practitioner/${team.nurse.id}` }],
    });
    expect(body.component?.[0]?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: painTimepointSystem,
      code: "week_6",
    });
    const rows = await prisma.auditEvent.findMany({ where: { entityId: score.id, action: "case.outcomes.read" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entity: "pain_score", patientId, actorId: team.surgeon.id });
  });

  it("names the patient as performer of a reported score, and gives an untimed score no time point (OC-1)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 20 });
    const score = await reported(caseId, 6, 0);
    expect(score.timepoint).toBeNull();
    await signInAs(prisma, team.physio);
    const { body } = await fhirGet<Observation>(`Observation/${score.id}`);
    expect(body.performer).toEqual([expect.objectContaining({ reference: `Patient/${patientId}` })]);
    expect(body.valueInteger).toBe(6);
    expect(body.component).toBeUndefined();
  });

  it("answers 404 for an unknown id, 403 to reception and the administrator without auditing", async () => {
    const { scores, patientId } = await scoredCase();
    await signInAs(prisma, team.nurse);
    expect((await fhirGet<OperationOutcome>(`Observation/${randomUUID()}`)).status).toBe(404);
    for (const actor of [team.reception, admin]) {
      await signInAs(prisma, actor);
      for (const path of [`Observation/${scores[0]!.id}`, `Observation?subject=${patientId}`]) {
        const { status, body } = await fhirGet<OperationOutcome>(path);
        expect(status, path).toBe(403);
        expect(body.issue[0]!.code).toBe("forbidden");
      }
    }
    expect(
      await prisma.auditEvent.count({ where: { patientIds: { has: patientId }, action: "case.outcomes.read" } }),
    ).toBe(0);
  });
});

describe("Observation search", () => {
  it("finds a patient's scores by the recorded day with eq, ge, gt, le and lt at the boundaries", async () => {
    const { patientId, scores } = await scoredCase();
    const [d10, d9, d8, d7] = scores.map((s) => s.id);
    await signInAs(prisma, team.physio);
    const search = async (dates: string) =>
      ids((await fhirGet<Bundle>(`Observation?subject=Patient/${patientId}&${dates}`)).body);
    const day = (offset: number) => dayFromToday(offset);
    expect(await search(`date=${day(-9)}`)).toEqual([d9]);
    expect(await search(`date=eq${day(-8)}`)).toEqual([d8]);
    expect(await search(`date=ge${day(-9)}`)).toEqual([d9, d8, d7]);
    expect(await search(`date=gt${day(-9)}`)).toEqual([d8, d7]);
    expect(await search(`date=le${day(-9)}`)).toEqual([d10, d9]);
    expect(await search(`date=lt${day(-9)}`)).toEqual([d10]);
    expect(await search(`date=ge${day(-9)}&date=lt${day(-7)}`)).toEqual([d9, d8]);
    expect(await search(`date=lt${day(-10)}`)).toEqual([]);
    expect(await search(`date=gt${day(-7)}&date=lt${day(-10)}`)).toEqual([]);
  });

  it("finds the scores of all the patient's cases by subject or patient, and no other patient's", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 60 });
    const { caseId: right } = await walkCase(team, patientId, "operated", {
      now: now(),
      operatedDaysAgo: 30,
      side: "right",
    });
    const left = await reported(caseId, 4, -3);
    const other = await reported(right, 7, -2);
    await scoredCase();
    await signInAs(prisma, team.surgeon);
    for (const parameter of [`subject=${patientId}`, `patient=Patient/${patientId}`]) {
      const { body } = await fhirGet<Bundle>(`Observation?${parameter}`);
      expect(entriesOf<Observation>(body).map((o) => [o.id, o.focus?.[0]?.reference])).toEqual([
        [left.id, `Condition/${caseId}`],
        [other.id, `Condition/${right}`],
      ]);
    }
  });

  it("pages a patient's scores in day order with next links, one audit row per page naming the patient", async () => {
    const { patientId, scores } = await scoredCase();
    await signInAs(prisma, team.nurse);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const first = await fhirGet<Bundle>(`Observation?subject=${patientId}&_count=3`);
    const next = first.body.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeTruthy();
    const second = await fhirGet<Bundle>(relativeOf(next!));
    expect([...ids(first.body), ...ids(second.body)]).toEqual(scores.map((s) => s.id));
    expect(second.body.link?.some((l) => l.relation === "next")).toBe(false);
    const rows = await prisma.auditEvent.findMany({
      where: { id: { gt: before }, actorId: team.nurse.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.entity, r.patientIds, r.itemCount])).toEqual([
      ["case.outcomes.read", "pain_score", [patientId], 3],
      ["case.outcomes.read", "pain_score", [patientId], 1],
    ]);
  });

  it("finds scores of any patient by day alone, in day order", async () => {
    const { scores } = await scoredCase();
    await signInAs(prisma, team.nurse);
    const found = [];
    let path: string | null = `Observation?date=${dayFromToday(-8)}&_count=100`;
    while (path) {
      const { body }: { body: Bundle } = await fhirGet<Bundle>(path);
      found.push(...entriesOf<Observation>(body));
      const next: string | undefined = body.link?.find((l) => l.relation === "next")?.url;
      path = next ? relativeOf(next) : null;
    }
    expect(found.map((o) => o.id)).toContain(scores[2]!.id);
    expect(found.every((o) => o.effectiveDateTime === dayFromToday(-8))).toBe(true);
  });

  it("answers 400 OperationOutcome naming the parameter for a malformed date, reference or cursor", async () => {
    await signInAs(prisma, team.nurse);
    await expectRefusedSearches("Observation?", [
      ["date=2026-02-30", "date"],
      ["date=sa2026-02-01", "date"],
      ["date=yesterday", "date"],
      ["subject=not-an-id", "subject"],
      ["patient=Group/" + randomUUID(), "patient"],
      ["code=72514-3", "code"],
      ["subject=" + randomUUID() + "&subject=" + randomUUID(), "subject"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });

  it("refuses a date and time on the recorded day, a calendar day without a time (400 naming date)", async () => {
    const { patientId } = await scoredCase();
    await signInAs(prisma, team.nurse);
    const at = encodeURIComponent(`${dayFromToday(-9)}T12:00:00Z`);
    const { status, body } = await fhirGet<OperationOutcome>(`Observation?subject=${patientId}&date=ge${at}`);
    expect(status).toBe(400);
    expect(body.issue.flatMap((i) => i.expression ?? [])).toEqual(["date"]);
  });
});

describe("CapabilityStatement", () => {
  it("lists Observation and CarePlan with their search parameters, and says which codes are local", async () => {
    const { status, body } = await fhirGet<CapabilityStatement>("metadata");
    expect(status).toBe(200);
    const served = body.rest?.[0]?.resource ?? [];
    const params = (type: string) => served.find((r) => r.type === type)?.searchParam?.map((p) => p.name);
    expect(params("Observation")).toEqual(["subject", "patient", "date"]);
    expect(params("CarePlan")).toEqual(["subject", "patient"]);
    expect(body.description).toContain(painTimepointSystem);
    expect(body.description).toContain("CarePlan.activity.detail.code");
  });
});
