// One demo patient's whole record read through the FHIR interface as another system would:
// Patient -> Condition -> Appointments -> Procedure -> CarePlan -> Observations, and every
// practitioner and room they point at. Every answer is validated against R4 (tests/setup/fhir.ts),
// every id is the same record's id in /api/v1, and every read of the patient's data is audited.
import { signInAs } from "../setup/routes";
import { entriesOf, fhirGet, relativeOf } from "../setup/fhir";
import type {
  Appointment,
  Bundle,
  CarePlan,
  Condition,
  Observation,
  Patient,
  Procedure,
  Resource,
} from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { system } from "@/lib/fhir/terminology";
import type { Actor } from "@/lib/auth/actor";
import { demoDatabase } from "../setup/demo";

const database = demoDatabase();
let surgeon: Actor;
let patient: { id: string; mrn: string };
let caseRow: { id: string; side: "left" | "right"; operationId: string; surgeonId: string };

const laterality = { left: "7771000", right: "24028007" } as const;

/** Every resource a search finds, following its next links. */
async function everyMatch<T extends Resource>(relative: string): Promise<T[]> {
  const found: T[] = [];
  let next: string | undefined = relative;
  while (next) {
    const { status, body }: { status: number; body: Bundle } = await fhirGet<Bundle>(next);
    expect(status, next).toBe(200);
    expect(body.type).toBe("searchset");
    found.push(...entriesOf<T>(body));
    const link: string | undefined = body.link?.find((l) => l.relation === "next")?.url;
    next = link ? relativeOf(link) : undefined;
  }
  return found;
}

/**
 * Whether a body site says the case's side: SNOMED CT ankle region structure refined by the
 * laterality attribute (272741003) with Left or Right, and the side in its text.
 */
const onSide = (bodySite: unknown, side: "left" | "right") =>
  JSON.stringify(bodySite).includes(`272741003=${laterality[side]}`) &&
  JSON.stringify(bodySite).toLowerCase().includes(`${side} ankle`);

beforeAll(async () => {
  const prisma = database();
  const staff = await prisma.staff.findUniqueOrThrow({ where: { email: "surgeon@demo.clinic" } });
  surgeon = { id: staff.id, name: staff.name, role: staff.role };
  // The first demo patient (by MRN) operated on, with a recovery plan and pain scores.
  const operated = await prisma.clinicalCase.findFirstOrThrow({
    where: { operation: { isNot: null }, carePlan: { isNot: null }, painScores: { some: {} } },
    orderBy: { patient: { mrn: "asc" } },
    include: { patient: true, operation: true },
  });
  patient = { id: operated.patient.id, mrn: operated.patient.mrn };
  caseRow = {
    id: operated.id,
    side: operated.side,
    operationId: operated.operation!.id,
    surgeonId: operated.operation!.surgeonId,
  };
  await signInAs(prisma, surgeon);
});

describe("a demo patient's record through FHIR R4", () => {
  it("walks Patient, Condition, Appointments, Procedure, CarePlan and Observations, each valid R4 and audited", async () => {
    const prisma = database();
    const auditedBefore = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;

    // Patient: found by its MRN, then read.
    const [found] = await everyMatch<Patient>(
      `Patient?identifier=${encodeURIComponent(`${system.mrn}|${patient.mrn}`)}`,
    );
    expect(found?.id).toBe(patient.id);
    const read = await fhirGet<Patient>(`Patient/${patient.id}`);
    expect(read.status).toBe(200);
    const subject = `Patient/${patient.id}`;

    // Condition: the case, its ankle's side.
    const conditions = await everyMatch<Condition>(`Condition?subject=${subject}`);
    const condition = conditions.find((c) => c.id === caseRow.id);
    expect(condition).toBeDefined();
    expect(condition!.subject.reference).toBe(subject);
    expect(onSide(condition!.bodySite, caseRow.side)).toBe(true);
    expect(condition!.clinicalStatus?.coding?.[0]?.system).toBe(system.conditionClinical);

    // Appointments: every one the clinic holds for the patient, the patient a participant of each.
    const appointments = await everyMatch<Appointment>(`Appointment?patient=${subject}`);
    const stored = await prisma.appointment.findMany({ where: { patientId: patient.id }, select: { id: true } });
    expect(appointments.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    for (const appointment of appointments)
      expect(appointment.participant.map((p) => p.actor?.reference)).toContain(subject);

    // Procedure: the arthroscopy, by its surgeon, on the same side.
    const procedures = await everyMatch<Procedure>(`Procedure?subject=${subject}`);
    expect(procedures.map((p) => p.id)).toEqual([caseRow.operationId]);
    const [procedure] = procedures;
    expect(procedure!.status).toBe("completed");
    expect(procedure!.performer?.map((p) => p.actor.reference)).toContain(`Practitioner/${caseRow.surgeonId}`);
    expect(onSide(procedure!.bodySite, caseRow.side)).toBe(true);
    expect((await fhirGet<Procedure>(`Procedure/${caseRow.operationId}`)).body.id).toBe(caseRow.operationId);

    // CarePlan: the recovery plan, its activities each with its scheduled days.
    const plans = await everyMatch<CarePlan>(`CarePlan?subject=${subject}`);
    expect(plans.map((p) => p.id)).toEqual([caseRow.id]);
    const activities = plans[0]!.activity ?? [];
    const dressings = await prisma.dressingVisit.count({ where: { caseId: caseRow.id } });
    const sessions = await prisma.physioSession.count({ where: { caseId: caseRow.id } });
    expect(activities.length).toBeGreaterThanOrEqual(dressings + sessions);
    for (const activity of activities) expect(activity.detail?.scheduledPeriod?.start).toMatch(/^\d{4}-\d{2}-\d{2}/);

    // Observations: every pain score, LOINC 72514-3, 0 to 10.
    const observations = await everyMatch<Observation>(`Observation?subject=${subject}`);
    const scores = await prisma.painScore.findMany({ where: { caseId: caseRow.id } });
    expect(observations.map((o) => o.id).sort()).toEqual(scores.map((s) => s.id).sort());
    for (const observation of observations) {
      expect(observation.code.coding).toContainEqual(
        expect.objectContaining({ system: system.loinc, code: "72514-3" }),
      );
      expect(observation.valueInteger).toBe(scores.find((s) => s.id === observation.id)!.score);
    }

    // Every practitioner and room the record points at reads as a valid resource.
    const references = new Set<string>();
    const collect = (value: unknown) =>
      JSON.stringify(value).replace(
        /"reference":"((?:Practitioner|Location|PractitionerRole)\/[^"]+)"/g,
        (_, r: string) => {
          references.add(r);
          return "";
        },
      );
    [appointments, procedures, plans, observations].forEach(collect);
    expect([...references].some((r) => r.startsWith("Location/"))).toBe(true);
    for (const reference of references) {
      const { status, body } = await fhirGet(reference);
      expect(status, reference).toBe(200);
      expect(`${body.resourceType}/${body.id}`).toBe(reference);
    }

    // Each step's read of the patient's data left its audit rows, naming the patient.
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: auditedBefore }, actorId: surgeon.id } });
    const naming = rows.filter((r) => r.patientId === patient.id || r.patientIds.includes(patient.id));
    expect(naming.length).toBeGreaterThanOrEqual(7);
  });

  it("refuses the clinical resources to reception (403) but not the patient's appointments", async () => {
    const prisma = database();
    const reception = await prisma.staff.findUniqueOrThrow({ where: { email: "reception@demo.clinic" } });
    await signInAs(prisma, { id: reception.id, name: reception.name, role: reception.role });
    for (const relative of [`Condition/${caseRow.id}`, `Procedure/${caseRow.operationId}`, `CarePlan/${caseRow.id}`]) {
      const { status } = await fhirGet(relative);
      expect(status, relative).toBe(403);
    }
    expect((await fhirGet(`Appointment?patient=Patient/${patient.id}`)).status).toBe(200);
    await signInAs(prisma, surgeon);
  });
});
