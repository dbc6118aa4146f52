// GET /fhir/R4/metadata: the CapabilityStatement lists exactly the served resource types, each
// with read and search-type and the search parameters the server accepts; valid R4.
import { fhirGet } from "../setup/fhir";
import type { CapabilityStatement, OperationOutcome } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { fhirResourceTypes } from "@/lib/http/fhir/resources";
import { unconfirmedCodes } from "@/lib/fhir/terminology";
import { testDatabase } from "../setup/db";
import { signInAs } from "../setup/routes";

const prisma = testDatabase();

describe("the CapabilityStatement", () => {
  it("is public and lists exactly the served types with their interactions and search parameters", async () => {
    await signInAs(prisma, null);
    const { status, body } = await fhirGet<CapabilityStatement>("metadata");
    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1", kind: "instance" });
    expect(body.format).toEqual(["json"]);
    const served = body.rest![0]!.resource!;
    expect(served.map((r) => r.type).sort()).toEqual(fhirResourceTypes.map((t) => t.type).sort());
    for (const type of fhirResourceTypes) {
      const declared = served.find((r) => r.type === type.type)!;
      expect(declared.interaction?.map((i) => i.code).sort(), type.type).toEqual(["read", "search-type"]);
      expect(
        declared.searchParam?.map((p) => [p.name, p.type]),
        type.type,
      ).toEqual(type.searchParams.map((p) => [p.name, p.type]));
    }
  });

  it("names every code not confirmed against its standard code system", async () => {
    const { body } = await fhirGet<CapabilityStatement>("metadata");
    for (const { what } of unconfirmedCodes) expect(body.description).toContain(what);
  });

  it("answers 404 OperationOutcome for a resource type the server does not serve", async () => {
    await signInAs(prisma, null);
    const { status, body } = await fhirGet<OperationOutcome>("Medication?code=x");
    expect(status).toBe(404);
    expect(body.issue[0]!.code).toBe("not-found");
  });
});
