// GET /fhir/R4/Patient/{id} and /fhir/R4/Patient?identifier=&name=&birthdate= through the route
// handlers: every answer is valid FHIR R4 (tests/setup/fhir.ts), read under the same policy and
// audit as /api/v1/patients.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, OperationOutcome, Patient } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { registerPatient } from "@/lib/services/patients";
import { system } from "@/lib/fhir/terminology";
import { testDatabase } from "../setup/db";
import { createClinic, type Team } from "../setup/pathway";
import { randomNhsNumber } from "../setup/nhs-number";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

/** A patient with every detail, a family name no other test uses. */
async function fullPatient(familyName = `Fhir${randomUUID().slice(0, 8)}`) {
  return registerPatient(team.reception, {
    givenName: "Zoë",
    familyName,
    birthDate: "1991-03-14",
    sex: "female",
    phone: "07700 900123",
    email: "zoe@example.org",
    nhsNumber: randomNhsNumber(),
    address: { line1: "1 Ballet Lane", line2: null, town: "London", postcode: "SW1A 1AA" },
    gpPractice: { name: "Riverside Surgery", odsCode: "Y12345" },
    nextOfKin: { name: "Ana Moreau", relationship: "Sister", phone: "07700 900456" },
    preferredLanguage: "French",
    interpreterNeeded: true,
  });
}

describe("Patient read", () => {
  it("answers the patient with MRN and NHS number identifiers, valid R4, and audits the read", async () => {
    const patient = await fullPatient();
    await signInAs(prisma, team.nurse);
    const before = await prisma.auditEvent.count({ where: { patientId: patient.id, action: "patient.read" } });
    const { status, body } = await fhirGet<Patient>(`Patient/${patient.id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(patient.id);
    expect(body.identifier).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: system.mrn, value: patient.mrn }),
        expect.objectContaining({ system: system.nhsNumber, value: patient.nhsNumber }),
      ]),
    );
    expect(body.name?.[0]).toMatchObject({ family: patient.familyName, given: ["Zoë"] });
    expect(body).toMatchObject({ gender: "female", birthDate: "1991-03-14" });
    expect(await prisma.auditEvent.count({ where: { patientId: patient.id, action: "patient.read" } })).toBe(
      before + 1,
    );
  });

  it("answers 404 OperationOutcome for an unknown id and for an id that is not one of ours, 401 without a session", async () => {
    await signInAs(prisma, team.reception);
    for (const id of [randomUUID(), "not-an-id"]) {
      const { status, body } = await fhirGet<OperationOutcome>(`Patient/${id}`);
      expect(status).toBe(404);
      expect(body.issue[0]).toMatchObject({ severity: "error", code: "not-found" });
    }
    await signInAs(prisma, null);
    const { status, body } = await fhirGet<OperationOutcome>(`Patient/${randomUUID()}`);
    expect(status).toBe(401);
    expect(body.issue[0]!.code).toBe("login");
  });

  it("answers 404 OperationOutcome for a resource type the server does not serve", async () => {
    await signInAs(prisma, team.reception);
    const { status, body } = await fhirGet<OperationOutcome>(`Medication/${randomUUID()}`);
    expect(status).toBe(404);
    expect(body.resourceType).toBe("OperationOutcome");
  });
});

describe("Patient search", () => {
  it("finds a patient by NHS number, by MRN, with or without the system, as a searchset Bundle", async () => {
    const patient = await fullPatient();
    await signInAs(prisma, team.reception);
    for (const identifier of [
      `${system.nhsNumber}|${patient.nhsNumber}`,
      patient.nhsNumber!,
      `${system.mrn}|${patient.mrn}`,
      patient.mrn,
    ]) {
      const { status, body } = await fhirGet<Bundle>(`Patient?identifier=${encodeURIComponent(identifier)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
      expect(entriesOf<Patient>(body).map((p) => p.id)).toEqual([patient.id]);
    }
    const other = await fhirGet<Bundle>(`Patient?identifier=${encodeURIComponent(`urn:other|${patient.mrn}`)}`);
    expect(entriesOf(other.body)).toEqual([]);
  });

  it("finds by the start of a name's part and by birth date with prefixes, and pages with next links", async () => {
    const familyName = `Fhirpage${randomUUID().slice(0, 8)}`;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await fullPatient(familyName)).id);
    await signInAs(prisma, team.reception);
    const first = await fhirGet<Bundle>(`Patient?name=${familyName.slice(0, 12)}&birthdate=ge1991-03-14&_count=2`);
    expect(entriesOf(first.body)).toHaveLength(2);
    const next = first.body.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeTruthy();
    const second = await fhirGet<Bundle>(relativeOf(next!));
    expect([...entriesOf(first.body), ...entriesOf(second.body)].map((p) => p.id).sort()).toEqual(ids.sort());
    expect(second.body.link?.some((l) => l.relation === "next")).toBe(false);
    const born = await fhirGet<Bundle>(`Patient?name=${familyName}&birthdate=lt1991-03-14`);
    expect(entriesOf(born.body)).toEqual([]);
    const inside = await fhirGet<Bundle>(`Patient?name=${familyName}&birthdate=1991-03-14`);
    expect(entriesOf(inside.body)).toHaveLength(3);
    // The middle of a word is not its start.
    const middle = await fhirGet<Bundle>(`Patient?name=${familyName.slice(2)}`);
    expect(entriesOf(middle.body)).toEqual([]);
  });

  it("writes one audit row per page naming the patients on it", async () => {
    const familyName = `Fhiraudit${randomUUID().slice(0, 8)}`;
    const patient = await fullPatient(familyName);
    await signInAs(prisma, team.surgeon);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await fhirGet<Bundle>(`Patient?name=${familyName}`);
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.surgeon.id } });
    expect(rows.map((r) => [r.action, r.patientIds])).toEqual([["patient.search", [patient.id]]]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter, modifier or malformed value", async () => {
    await signInAs(prisma, team.reception);
    await expectRefusedSearches("Patient?", [
      ["gender=female", "gender"],
      ["name:exact=Smith", "name:exact"],
      ["birthdate=1991-02-30", "birthdate"],
      ["birthdate=xx1991-02-01", "birthdate"],
      ["_count=0", "_count"],
      ["_count=101", "_count"],
      ["identifier=a,b", "identifier"],
      ["name=a&name=b", "name"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});
