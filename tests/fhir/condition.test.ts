// GET /fhir/R4/Condition/{id} and /fhir/R4/Condition?subject=&patient=&clinical-status= through the
// route handlers: a case as its condition at each stage of the pathway, valid FHIR R4
// (tests/setup/fhir.ts), read under the clinical record's policy and audited as /api/v1's case reads.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, CapabilityStatement, Condition, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import {
  cancelCase,
  dischargeCase,
  recordCrutchWeaning,
  recordDiagnosticInjection,
  recordImaging,
  reviewFirstLineCourse,
} from "@/lib/services/case-commands";
import { registerPatient } from "@/lib/services/patients";
import { system } from "@/lib/fhir/terminology";
import { walkCase, type Stage } from "@/prisma/demo-cases";
import { dayFromToday, now, today } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import type { Actor } from "@/lib/auth/actor";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
});

/** A new patient with a case for each of `cases` (stage and ankle), walked with the run's clock. */
async function patientWithCases(cases: { stage: Stage; side: "left" | "right" }[]) {
  const patient = await registerPatient(team.reception, {
    givenName: "Clara",
    familyName: `Fhircondition${randomUUID().slice(0, 8)}`,
    birthDate: "1994-06-02",
    sex: "female",
    phone: null,
    email: null,
  });
  const caseIds = [];
  for (const c of cases) caseIds.push((await walkCase(team, patient.id, c.stage, { now: now(), side: c.side })).caseId);
  return { patient, caseIds };
}

const codeOf = (concept: Condition["clinicalStatus"]) => concept?.coding?.[0]?.code;

async function condition(caseId: string) {
  await signInAs(prisma, team.nurse);
  const { status, body } = await fhirGet<Condition>(`Condition/${caseId}`);
  expect(status).toBe(200);
  return body;
}

describe("Condition read", () => {
  it("states posterior ankle impingement of the case's ankle with its laterality, for the patient, recorded on the referral day", async () => {
    const { patient, caseIds } = await patientWithCases([
      { stage: "referred", side: "left" },
      { stage: "referred", side: "right" },
    ]);
    const left = await condition(caseIds[0]!);
    expect(left).toMatchObject({
      resourceType: "Condition",
      id: caseIds[0],
      code: { text: "Posterior ankle impingement" },
      category: [{ coding: [{ system: system.conditionCategory, code: "problem-list-item" }] }],
      subject: { reference: `Patient/${patient.id}`, display: `Clara ${patient.familyName}` },
      bodySite: [{ coding: [{ system: system.snomed, code: "344001:272741003=7771000" }], text: "Left ankle" }],
    });
    const referral = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseIds[0] } });
    expect(left.recordedDate).toBe(referral.referredOn.toISOString().slice(0, 10));
    expect(left.code?.coding?.some((c) => c.system === system.snomed)).toBe(false);
    const right = await condition(caseIds[1]!);
    expect(right.bodySite).toEqual([
      { coding: [{ system: system.snomed, code: "344001:272741003=24028007" }], text: "Right ankle" },
    ]);
  });

  it("is active and provisional on referral, confirmed once imaging supports the diagnosis (DX-3)", async () => {
    const referred = await caseAt(team, "referred");
    const diagnosed = await caseAt(team, "diagnosed");
    const onReferral = await condition(referred.caseId);
    expect(codeOf(onReferral.clinicalStatus)).toBe("active");
    expect(onReferral.verificationStatus?.coding?.[0]).toMatchObject({
      system: system.conditionVerification,
      code: "provisional",
    });
    const confirmed = await condition(diagnosed.caseId);
    expect(codeOf(confirmed.clinicalStatus)).toBe("active");
    expect(codeOf(confirmed.verificationStatus)).toBe("confirmed");
  });

  it("stays provisional after imaging that does not support the diagnosis, and is confirmed by a diagnostic injection that relieved the pain (DX-2)", async () => {
    const { caseId } = await caseAt(team, "referred");
    await recordImaging(
      team.surgeon,
      caseId,
      { modality: "xray_nwb", performedOn: dayFromToday(-100), findings: "No bony lesion", supportsDiagnosis: false },
      now(),
    );
    expect(codeOf((await condition(caseId)).verificationStatus)).toBe("provisional");
    await recordDiagnosticInjection(
      team.surgeon,
      caseId,
      { performedOn: dayFromToday(-90), guidance: "ultrasound", painRelieved: true },
      now(),
    );
    expect(codeOf((await condition(caseId)).verificationStatus)).toBe("confirmed");
  });

  it("is active through treatment and the operation, resolved when first-line treatment worked (FL-3) or on discharge", async () => {
    const firstLine = await caseAt(team, "first_line");
    const listed = await caseAt(team, "listed");
    const operated = await caseAt(team, "operated", { operatedDaysAgo: 12 });
    for (const caseId of [firstLine.caseId, listed.caseId, operated.caseId])
      expect(codeOf((await condition(caseId)).clinicalStatus), caseId).toBe("active");

    await reviewFirstLineCourse(
      team.surgeon,
      firstLine.caseId,
      firstLine.courseId,
      { reviewedOn: dayFromToday(-50), outcome: "resolved" },
      now(),
    );
    await recordCrutchWeaning(team.surgeon, operated.caseId, { recordedOn: dayFromToday(-1) }, now());
    expect(codeOf((await condition(operated.caseId)).clinicalStatus)).toBe("active");
    await dischargeCase(team.surgeon, operated.caseId, { dischargedOn: today() }, now());
    for (const caseId of [firstLine.caseId, operated.caseId]) {
      const resolved = await condition(caseId);
      expect(resolved.clinicalStatus?.coding?.[0], caseId).toMatchObject({
        system: system.conditionClinical,
        code: "resolved",
      });
      expect(codeOf(resolved.verificationStatus)).toBe("confirmed");
    }
  });

  it("keeps a cancelled case's condition active, with a note of the cancellation by whom and its reason", async () => {
    const { caseId } = await caseAt(team, "referred");
    await cancelCase(team.surgeon, caseId, { reason: "The patient moved away." }, now());
    const cancelled = await condition(caseId);
    expect(codeOf(cancelled.clinicalStatus)).toBe("active");
    expect(codeOf(cancelled.verificationStatus)).toBe("provisional");
    expect(cancelled.note).toEqual([
      expect.objectContaining({
        authorReference: { reference: `Practitioner/${team.surgeon.id}` },
        text: expect.stringContaining("The patient moved away."),
      }),
    ]);
    const diagnosed = await caseAt(team, "diagnosed");
    expect((await condition(diagnosed.caseId)).note).toBeUndefined();
  });

  it("audits the read as the clinical read of the case, one row", async () => {
    const { caseId, patientId } = await caseAt(team, "diagnosed");
    await signInAs(prisma, team.physio);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await fhirGet<Condition>(`Condition/${caseId}`);
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.physio.id } });
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.patientId])).toEqual([
      ["case.read", "clinical_case", caseId, patientId],
    ]);
  });

  it("answers 404 OperationOutcome for an unknown id, and for a patient's id (not a case)", async () => {
    const { patientId } = await caseAt(team, "referred");
    await signInAs(prisma, team.surgeon);
    for (const id of [randomUUID(), patientId, "not-an-id"]) {
      const { status, body } = await fhirGet<OperationOutcome>(`Condition/${id}`);
      expect(status, id).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
  });

  it("answers 403 to reception and the administrator, who read no clinical record, and audits nothing", async () => {
    const { caseId, patientId } = await caseAt(team, "diagnosed");
    for (const actor of [team.reception, admin]) {
      await signInAs(prisma, actor);
      for (const path of [`Condition/${caseId}`, `Condition?subject=${patientId}`]) {
        const { status, body } = await fhirGet<OperationOutcome>(path);
        expect(status, `${actor.role} ${path}`).toBe(403);
        expect(body.issue[0]!.code).toBe("forbidden");
      }
    }
    expect(await prisma.auditEvent.count({ where: { patientIds: { has: patientId }, action: "case.read" } })).toBe(0);
  });
});

describe("Condition search", () => {
  it("finds a patient's cases by subject and by patient, with or without the Patient/ prefix", async () => {
    const { patient, caseIds } = await patientWithCases([
      { stage: "referred", side: "left" },
      { stage: "diagnosed", side: "right" },
    ]);
    await caseAt(team, "referred");
    await signInAs(prisma, team.surgeon);
    for (const query of [
      `subject=${patient.id}`,
      `subject=Patient/${patient.id}`,
      `patient=${patient.id}`,
      `patient=Patient/${patient.id}&subject=${patient.id}`,
    ]) {
      const { status, body } = await fhirGet<Bundle>(`Condition?${query}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
      expect(
        entriesOf<Condition>(body).map((c) => c.id),
        query,
      ).toEqual([...caseIds].sort());
    }
    const other = await caseAt(team, "referred");
    const both = await fhirGet<Bundle>(`Condition?subject=${patient.id}&patient=${other.patientId}`);
    expect(entriesOf(both.body)).toEqual([]);
    const nobody = await fhirGet<Bundle>(`Condition?subject=${randomUUID()}`);
    expect(entriesOf(nobody.body)).toEqual([]);
  });

  it("narrows by clinical status", async () => {
    const { patient, caseIds } = await patientWithCases([
      { stage: "first_line", side: "left" },
      { stage: "referred", side: "right" },
    ]);
    const course = await prisma.firstLineCourse.findFirstOrThrow({ where: { caseId: caseIds[0] } });
    await reviewFirstLineCourse(
      team.surgeon,
      caseIds[0]!,
      course.id,
      { reviewedOn: dayFromToday(-50), outcome: "resolved" },
      now(),
    );
    await signInAs(prisma, team.anaesthetist);
    const ids = async (query: string) =>
      entriesOf<Condition>((await fhirGet<Bundle>(`Condition?subject=${patient.id}&${query}`)).body).map((c) => c.id);
    expect(await ids("clinical-status=resolved")).toEqual([caseIds[0]]);
    expect(await ids(`clinical-status=${encodeURIComponent(`${system.conditionClinical}|active`)}`)).toEqual([
      caseIds[1],
    ]);
    expect(await ids("clinical-status=remission")).toEqual([]);
    expect(await ids("clinical-status=urn%3Aother%7Cactive")).toEqual([]);
  });

  it("pages with next links, one audit row per page naming the patients on it", async () => {
    const { patient, caseIds } = await patientWithCases([
      { stage: "referred", side: "left" },
      { stage: "referred", side: "right" },
      { stage: "diagnosed", side: "left" },
    ]);
    await signInAs(prisma, team.nurse);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const first = await fhirGet<Bundle>(`Condition?subject=${patient.id}&_count=2`);
    expect(entriesOf(first.body)).toHaveLength(2);
    const next = first.body.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeTruthy();
    const second = await fhirGet<Bundle>(relativeOf(next!));
    expect(second.body.link?.some((l) => l.relation === "next")).toBe(false);
    expect([...entriesOf(first.body), ...entriesOf(second.body)].map((c) => c.id)).toEqual([...caseIds].sort());
    const rows = await prisma.auditEvent.findMany({
      where: { id: { gt: before }, actorId: team.nurse.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.entity, r.patientIds, r.itemCount])).toEqual([
      ["case.list", "clinical_case", [patient.id], 2],
      ["case.list", "clinical_case", [patient.id], 1],
    ]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or a malformed value", async () => {
    await signInAs(prisma, team.surgeon);
    const id = randomUUID();
    await expectRefusedSearches("Condition?", [
      ["code=xyz", "code"],
      ["subject:Patient=" + id, "subject:Patient"],
      ["subject=Group/" + id, "subject"],
      ["subject=not-an-id", "subject"],
      [`subject=${id}&subject=${id}`, "subject"],
      ["patient=", "patient"],
      ["clinical-status=bogus", "clinical-status"],
      ["clinical-status=active,resolved", "clinical-status"],
      ["_count=0", "_count"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});

describe("the CapabilityStatement", () => {
  it("lists Condition and Procedure with their search parameters, and says their codes are not confirmed", async () => {
    const { body } = await fhirGet<CapabilityStatement>("metadata");
    const served = body.rest?.[0]?.resource ?? [];
    const params = (type: string) => served.find((r) => r.type === type)?.searchParam?.map((p) => p.name);
    expect(params("Condition")).toEqual(["subject", "patient", "clinical-status"]);
    expect(params("Procedure")).toEqual(["subject", "patient"]);
    expect(body.description).toMatch(/posterior ankle impingement/i);
    expect(body.description).toMatch(/posterior ankle arthroscopy/i);
  });
});
