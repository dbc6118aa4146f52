import type { CapabilityStatement, ResourceType } from "@medplum/fhirtypes";
import type { SearchParameterDefinition } from "./search";
import { unconfirmedCodes } from "./terminology";

/** What the server offers for one resource type. */
export type ResourceCapability = {
  type: ResourceType;
  /** The R4 base profile's canonical URL is implied; `documentation` says what the resource holds here. */
  documentation: string;
  searchParams: SearchParameterDefinition[];
};

/**
 * The server's CapabilityStatement (FHIR R4, kind `instance`): exactly the resource types in
 * `resources`, each with `read` and `search-type` and its search parameters, JSON only, sign-in
 * by the clinic's staff session. `date` is the day the statement describes (the build's, as
 * YYYY-MM-DD); `software.version` the product's version.
 */
export function capabilityStatement(input: {
  baseUrl: string;
  version: string;
  date: string;
  resources: ResourceCapability[];
}): CapabilityStatement {
  const notes = unconfirmedCodes.map((c) => `${c.what}: ${c.note}`);
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: input.date,
    kind: "instance",
    software: { name: "Ankle pathway", version: input.version },
    implementation: { description: "Posterior ankle impingement care pathway", url: input.baseUrl },
    fhirVersion: "4.0.1",
    format: ["json"],
    description: [
      "Read-only access to the clinic's posterior ankle impingement pathway. Paging follows each Bundle's next link (_count from 1 to 100, 20 by default).",
      ...(notes.length
        ? ["Codes not confirmed against their standard code system (text and a local code are sent instead):", ...notes]
        : []),
    ].join("\n"),
    rest: [
      {
        mode: "server",
        security: {
          cors: false,
          description:
            "Requests carry the clinic's staff session (sign in at /login). Each resource is read under the same role policy as the same data in /api/v1, and every read of patient data is audited.",
        },
        resource: input.resources.map((r) => ({
          type: r.type,
          documentation: r.documentation,
          interaction: [{ code: "read" as const }, { code: "search-type" as const }],
          readHistory: false,
          updateCreate: false,
          searchParam: r.searchParams.map((p) => ({ name: p.name, type: p.type, documentation: p.documentation })),
        })),
      },
    ],
  };
}
