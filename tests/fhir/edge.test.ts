// The FHIR interface's edge: read-only (405 with Allow: GET for any other method), paths it does
// not serve (the base alone, _history, operations) and search values out of range answer
// OperationOutcomes, never Next.js's HTML page or a 500.
import { origin, signInAs } from "../setup/routes";
import { expectRefusedSearches, fhirGet } from "../setup/fhir";
import { expectValidResource } from "../setup/fhir";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Bundle, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../setup/db";
import { createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

const app = path.join(import.meta.dirname, "..", "..", "app", "fhir", "R4");
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** `method` on the route file under app/fhir/R4 (`folder`), as Next.js would call it for `url`. */
async function send(method: string, folder: string, url: string, params: Record<string, unknown> = {}) {
  const route = (await import(path.join(app, folder, "route.ts"))) as Record<string, Handler>;
  const response = await route[method]!(new Request(`${origin}${url}`, { method }), {
    params: Promise.resolve(params),
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  const body = (await response.json()) as OperationOutcome;
  await expectValidResource(body);
  return { status: response.status, body, allow: response.headers.get("allow") };
}

const id = randomUUID();
const routes: [folder: string, url: string, params: Record<string, unknown>][] = [
  ["", "/fhir/R4", {}],
  ["metadata", "/fhir/R4/metadata", {}],
  ["[type]", "/fhir/R4/Patient", { type: "Patient" }],
  ["[type]/[id]", `/fhir/R4/Patient/${id}`, { type: "Patient", id }],
  ["[type]/[id]/[...rest]", `/fhir/R4/Patient/${id}/_history`, { type: "Patient", id, rest: ["_history"] }],
];

describe("the FHIR edge", () => {
  it("answers 405 OperationOutcome with Allow: GET to POST, PUT, PATCH and DELETE on every route: it is read-only", async () => {
    for (const [folder, url, params] of routes)
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const { status, body, allow } = await send(method, folder, url, params);
        expect(status, `${method} ${url}`).toBe(405);
        expect(allow).toBe("GET");
        expect(body.issue[0]!.code).toBe("not-supported");
      }
  });

  it("answers 404 OperationOutcome for the base alone, a resource's _history and an operation", async () => {
    const unserved: [string, string, Record<string, unknown>][] = [
      ["", "/fhir/R4", {}],
      ["[type]/[id]/[...rest]", `/fhir/R4/Patient/${id}/_history/1`, { type: "Patient", id, rest: ["_history", "1"] }],
      ["[type]/[id]/[...rest]", `/fhir/R4/Patient/${id}/$everything`, { type: "Patient", id, rest: ["$everything"] }],
    ];
    for (const [folder, url, params] of unserved) {
      const { status, body } = await send("GET", folder, url, params);
      expect(status, url).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
  });

  it("answers 400 naming the parameter for dates outside 1900-2999, times on a day-only date, commas, empty and unnamed parameters", async () => {
    await signInAs(prisma, team.surgeon);
    await expectRefusedSearches("", [
      ["Patient?birthdate=9999-12-31", "birthdate"],
      ["Patient?birthdate=0000-01-01", "birthdate"],
      ["Patient?birthdate=le9999-12-31", "birthdate"],
      ["Patient?birthdate=1964-07-03T10:00:00Z", "birthdate"],
      ["Observation?date=9999-12-31", "date"],
      ["Observation?date=2026-04-20T00:30:00%2B01:00", "date"],
      ["Appointment?date=0000-01-01T00:00:00Z", "date"],
      ["Appointment?date=2999-12-31T23:30:00-05:00", "date"],
      ["Patient?name=khan,smith", "name"],
      ["Patient?_cursor=", "_cursor"],
      ["Patient?=1", "(unnamed)"],
    ]);
  });

  it("answers 400 to a read or the CapabilityStatement given parameters, other than _format asking for JSON", async () => {
    await signInAs(prisma, team.surgeon);
    const patient = await prisma.patient.create({
      data: {
        givenName: "Edge",
        familyName: `Case${randomUUID().slice(0, 8)}`,
        birthDate: new Date("1990-01-01"),
        sex: "female",
      },
    });
    expect((await fhirGet(`Patient/${patient.id}?_format=json`)).status).toBe(200);
    for (const relative of [
      `Patient/${patient.id}?foo=bar`,
      `Patient/${patient.id}?_format=xml`,
      "metadata?_format=xml",
    ])
      expect((await fhirGet(relative)).status, relative).toBe(400);
  });

  it("reads |code as a code without a system: none of the clinic's identifiers or roles has none", async () => {
    await signInAs(prisma, team.surgeon);
    const patient = await prisma.patient.create({
      data: {
        givenName: "Edge",
        familyName: `Token${randomUUID().slice(0, 8)}`,
        birthDate: new Date("1990-01-01"),
        sex: "female",
      },
    });
    const bare = await fhirGet<Bundle>(`Patient?identifier=${patient.mrn}`);
    expect(bare.body.entry?.map((e) => e.resource!.id)).toEqual([patient.id]);
    const noSystem = await fhirGet<Bundle>(`Patient?identifier=%7C${patient.mrn}`);
    expect(noSystem.body.entry ?? []).toEqual([]);
    const roles = await fhirGet<Bundle>("PractitionerRole?role=%7Cdoctor");
    expect(roles.body.entry ?? []).toEqual([]);
  });
});
