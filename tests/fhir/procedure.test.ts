// GET /fhir/R4/Procedure/{id} and /fhir/R4/Procedure?subject=&patient= through the route handlers:
// a recorded operation (SX-5) as the arthroscopy it was, valid FHIR R4 (tests/setup/fhir.ts), read
// under the clinical record's policy and audited as /api/v1's case reads.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, OperationOutcome, Procedure } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/services/appointments";
import { recordOperation } from "@/lib/services/case-commands";
import { registerPatient } from "@/lib/services/patients";
import { localSystem, system } from "@/lib/fhir/terminology";
import { walkCase } from "@/prisma/demo-cases";
import { now, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
let theatre: { id: string; name: string };

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
  theatre = (await createRooms(prisma, team.reception, "theatre"))[0]!;
});

const newPatient = () =>
  registerPatient(team.reception, {
    givenName: "Pia",
    familyName: `Fhirprocedure${randomUUID().slice(0, 8)}`,
    birthDate: "1990-09-21",
    sex: "female",
    phone: null,
    email: null,
  });

/** A patient's case operated `operatedDaysAgo` days ago (no arthroscopy booked), and its operation row. */
async function operated(options: { side?: "left" | "right"; patientId?: string; operatedDaysAgo?: number } = {}) {
  const patientId = options.patientId ?? (await newPatient()).id;
  const { caseId } = await walkCase(team, patientId, "operated", {
    now: now(),
    side: options.side,
    operatedDaysAgo: options.operatedDaysAgo,
  });
  const operation = await prisma.operation.findUniqueOrThrow({ where: { caseId } });
  return { patientId, caseId, operation };
}

async function procedure(operationId: string) {
  await signInAs(prisma, team.surgeon);
  const { status, body } = await fhirGet<Procedure>(`Procedure/${operationId}`);
  expect(status).toBe(200);
  return body;
}

describe("Procedure read", () => {
  it("states the completed arthroscopy on the case's ankle, its surgeon, time, reason, findings and anaesthesia", async () => {
    const { patientId, caseId, operation } = await operated();
    const patient = await prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
    const surgeon = await prisma.staff.findUniqueOrThrow({ where: { id: operation.surgeonId } });
    const body = await procedure(operation.id);
    expect(body).toMatchObject({
      resourceType: "Procedure",
      id: operation.id,
      status: "completed",
      category: { coding: [{ system: system.snomed, code: "387713003" }] },
      code: {
        coding: [{ system: localSystem("procedure"), code: "posterior-ankle-arthroscopy" }],
        text: operation.procedure,
      },
      subject: { reference: `Patient/${patientId}`, display: `Pia ${patient.familyName}` },
      performedDateTime: operation.performedAt.toISOString(),
      performer: [
        { function: { text: "Surgeon" }, actor: { reference: `Practitioner/${surgeon.id}`, display: surgeon.name } },
      ],
      reasonReference: [{ reference: `Condition/${caseId}` }],
      bodySite: [{ coding: [{ system: system.snomed, code: "344001:272741003=7771000" }], text: "Left ankle" }],
      note: [{ text: `Findings: ${operation.findings}` }, { text: "Anaesthesia given: loco-regional" }],
    });
    expect(body.location).toBeUndefined();
  });

  it("names the anaesthetist and theatre of the arthroscopy the operation attended, on the right ankle", async () => {
    const patient = await newPatient();
    const { caseId } = await walkCase(team, patient.id, "assessed", { now: now(), side: "right" });
    await bookAppointment(
      team.reception,
      { caseId, kind: "arthroscopy", start: siteAt(0, 8).toISOString(), admission: "day_case" },
      siteAt(0, 0),
    );
    const performedAt = siteAt(0, 9, 40);
    await recordOperation(
      team.surgeon,
      caseId,
      {
        performedAt: performedAt.toISOString(),
        procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
        anaesthesiaGiven: "general",
        anaesthesiaChangeReason: "The patient asked to be asleep",
        findings: "Os trigonum excised",
        dischargeAnalgesia: "Paracetamol 1 g four times a day",
      },
      siteAt(0, 23),
    );
    const operation = await prisma.operation.findUniqueOrThrow({ where: { caseId } });
    const body = await procedure(operation.id);
    expect(body.performedDateTime).toBe(performedAt.toISOString());
    expect(body.performer?.map((p) => [p.function?.text, p.actor.reference])).toEqual([
      ["Surgeon", `Practitioner/${team.surgeon.id}`],
      ["Anaesthetist", `Practitioner/${team.anaesthetist.id}`],
    ]);
    expect(body.location).toEqual({ reference: `Location/${theatre.id}`, display: theatre.name });
    expect(body.bodySite).toEqual([
      { coding: [{ system: system.snomed, code: "344001:272741003=24028007" }], text: "Right ankle" },
    ]);
    expect(body.note?.[1]?.text).toBe(
      "Anaesthesia given: general (changed from the assessment's plan: The patient asked to be asleep)",
    );
  });

  it("audits the read as the clinical read of the case, one row naming the operation", async () => {
    const { patientId, operation } = await operated();
    await signInAs(prisma, team.physio);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await fhirGet<Procedure>(`Procedure/${operation.id}`);
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.physio.id } });
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.patientId])).toEqual([
      ["case.read", "operation", operation.id, patientId],
    ]);
  });

  it("answers 404 OperationOutcome for an unknown id, and for a case's id (not an operation)", async () => {
    const { caseId } = await caseAt(team, "operated");
    await signInAs(prisma, team.nurse);
    for (const id of [randomUUID(), caseId]) {
      const { status, body } = await fhirGet<OperationOutcome>(`Procedure/${id}`);
      expect(status, id).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
  });

  it("answers 403 to reception and the administrator, who read no clinical record, and audits nothing", async () => {
    const { patientId, operation } = await operated();
    for (const actor of [team.reception, admin]) {
      await signInAs(prisma, actor);
      for (const path of [`Procedure/${operation.id}`, `Procedure?patient=${patientId}`]) {
        const { status, body } = await fhirGet<OperationOutcome>(path);
        expect(status, `${actor.role} ${path}`).toBe(403);
        expect(body.issue[0]!.code).toBe("forbidden");
      }
    }
    expect(
      await prisma.auditEvent.count({
        where: { patientIds: { has: patientId }, action: { in: ["case.read", "case.list"] } },
      }),
    ).toBe(0);
  });
});

describe("Procedure search", () => {
  it("finds a patient's operations by subject and by patient, not another patient's nor a case not yet operated", async () => {
    const left = await operated({ side: "left", operatedDaysAgo: 40 });
    const right = await operated({ side: "right", patientId: left.patientId, operatedDaysAgo: 2 });
    await walkCase(team, left.patientId, "assessed", { now: now(), side: "left" });
    await operated();
    await signInAs(prisma, team.anaesthetist);
    const expected = [left.operation.id, right.operation.id].sort();
    for (const query of [
      `subject=${left.patientId}`,
      `patient=Patient/${left.patientId}`,
      `subject=Patient/${left.patientId}&patient=${left.patientId}`,
    ]) {
      const { status, body } = await fhirGet<Bundle>(`Procedure?${query}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
      expect(
        entriesOf<Procedure>(body).map((p) => p.id),
        query,
      ).toEqual(expected);
    }
    const other = await caseAt(team, "referred");
    expect(entriesOf((await fhirGet<Bundle>(`Procedure?subject=${other.patientId}`)).body)).toEqual([]);
    const both = await fhirGet<Bundle>(`Procedure?subject=${left.patientId}&patient=${other.patientId}`);
    expect(entriesOf(both.body)).toEqual([]);
  });

  it("pages with next links, one audit row per page naming the patients on it", async () => {
    const first = await operated({ side: "left", operatedDaysAgo: 40 });
    const second = await operated({ side: "right", patientId: first.patientId, operatedDaysAgo: 2 });
    await signInAs(prisma, team.nurse);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const page1 = await fhirGet<Bundle>(`Procedure?subject=${first.patientId}&_count=1`);
    expect(entriesOf(page1.body)).toHaveLength(1);
    const next = page1.body.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeTruthy();
    const page2 = await fhirGet<Bundle>(relativeOf(next!));
    expect(page2.body.link?.some((l) => l.relation === "next")).toBe(false);
    expect([...entriesOf(page1.body), ...entriesOf(page2.body)].map((p) => p.id)).toEqual(
      [first.operation.id, second.operation.id].sort(),
    );
    const rows = await prisma.auditEvent.findMany({
      where: { id: { gt: before }, actorId: team.nurse.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.entity, r.patientIds, r.itemCount])).toEqual([
      ["case.list", "operation", [first.patientId], 1],
      ["case.list", "operation", [first.patientId], 1],
    ]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or a malformed value", async () => {
    await signInAs(prisma, team.surgeon);
    const id = randomUUID();
    await expectRefusedSearches("Procedure?", [
      ["date=2026-01-01", "date"],
      ["status=completed", "status"],
      ["patient=Practitioner/" + id, "patient"],
      ["subject=x", "subject"],
      [`patient=${id}&patient=${id}`, "patient"],
      [`subject=${id},${id}`, "subject"],
      ["_count=101", "_count"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});
