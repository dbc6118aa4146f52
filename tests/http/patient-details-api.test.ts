// The patient's NHS number, address and the rest through the HTTP API: a bad value is a 400 at
// its field, an NHS number another patient has is a 409 naming the field, and nothing is written.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createActor, testDatabase } from "../setup/db";
import { randomNhsNumber, spaced } from "../setup/nhs-number";

const prisma = testDatabase();
let reception: Actor;

beforeAll(async () => {
  reception = await createActor(prisma, "reception");
  await signInAs(prisma, reception);
});

const patient = { givenName: "Ada", familyName: "Okonkwo", birthDate: "1980-05-01", sex: "female" };
const register = (body: object) => callRoute("post", "/api/v1/patients", {}, "", { ...patient, ...body });

async function problemOf(response: Response) {
  const body = (await response.json()) as { code: string; errors?: { path: string; message: string }[] };
  return { status: response.status, code: body.code, paths: body.errors?.map((e) => e.path) ?? [], body };
}

describe("patient details through the API", () => {
  it("refuses an NHS number whose check digit is wrong, or that is not 10 digits: 400 at nhsNumber, nothing written", async () => {
    const before = await prisma.patient.count();
    for (const nhsNumber of ["943 476 5918", "94347659", "943476591X", "1000000010"]) {
      const problem = await problemOf(await register({ nhsNumber }));
      expect([problem.status, problem.code, problem.paths], nhsNumber).toEqual([400, "VALIDATION", ["nhsNumber"]]);
    }
    expect(await prisma.patient.count()).toBe(before);
  });

  it("refuses a postcode that is not a UK one and a half-given address, each at its field path", async () => {
    const problem = await problemOf(await register({ address: { line1: "1 High St", town: "", postcode: "12345" } }));
    expect([problem.status, problem.paths.sort()]).toEqual([400, ["address.postcode", "address.town"]]);
  });

  it("stores an NHS number typed with spaces as digits only, and answers 409 at nhsNumber for a second patient with it", async () => {
    const nhs = randomNhsNumber();
    const created = await register({ nhsNumber: spaced(nhs), contact: { sms: true } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ nhsNumber: nhs, contact: { email: false, sms: true, post: false } });
    const before = await prisma.patient.count();
    const problem = await problemOf(await register({ givenName: "Other", nhsNumber: nhs }));
    expect([problem.status, problem.code, problem.paths]).toEqual([409, "CONFLICT", ["nhsNumber"]]);
    expect(await prisma.patient.count()).toBe(before);
  });

  it("a PATCH giving another patient's NHS number is a 409 at nhsNumber and changes nothing", async () => {
    const nhs = randomNhsNumber();
    await register({ nhsNumber: nhs });
    const other = (await (await register({ givenName: "Second" })).json()) as { id: string };
    const response = await callRoute("patch", "/api/v1/patients/{id}", { id: other.id }, "", { nhsNumber: nhs });
    expect((await problemOf(response)).paths).toEqual(["nhsNumber"]);
    expect(response.status).toBe(409);
    expect((await prisma.patient.findUniqueOrThrow({ where: { id: other.id } })).nhsNumber).toBeNull();
  });
});
