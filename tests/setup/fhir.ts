// FHIR R4 answers as other systems would read them: every resource a test receives is validated
// against the R4 specification (tests/setup/fhir-validation.ts), Bundles entry by entry. A
// resource that does not validate fails the test.
import "./routes";
import type { Bundle, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { expect } from "vitest";
import { assertValidResource } from "./fhir-validation";
import { call } from "./routes";

/** Throws, naming every issue, when `resource` (and each resource a Bundle holds) is not valid R4. */
export const expectValidResource = assertValidResource;

/**
 * GET `relative` under /fhir/R4 as a client writes it ("metadata", "Patient?name=x",
 * "Patient/<id>"), through the route handler that serves it; answers the status and the body,
 * which must be FHIR JSON and valid R4 (an OperationOutcome for errors).
 */
export async function fhirGet<T extends Resource = Resource>(
  relative: string,
): Promise<{ status: number; body: T; response: Response }> {
  const [path, query = ""] = relative.split(/\?(.*)/s);
  const [type, id, ...rest] = path!.split("/");
  if (rest.length) throw new Error(`Not a FHIR read or search: ${relative}`);
  const template = type === "metadata" ? "metadata" : id === undefined ? "{type}" : "{type}/{id}";
  const response = await call("GET", `/fhir/R4/${template}`, {
    params: { type: decodeURIComponent(type!), ...(id === undefined ? {} : { id: decodeURIComponent(id) }) },
    query,
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  const body = (await response.json()) as T;
  await expectValidResource(body);
  return { status: response.status, body, response };
}

/** The part of a Bundle link's URL after the base, for fhirGet ("Patient?name=x&_cursor=..."). */
export const relativeOf = (url: string): string => url.replace(/^.*\/fhir\/R4\//, "");

/** The resources of a searchset Bundle, in order. */
export const entriesOf = <T extends Resource>(bundle: Bundle): T[] => (bundle.entry ?? []).map((e) => e.resource as T);

/**
 * Expects each search `${prefix}${query}` ("Patient?" + "name=a,b") to be refused as malformed:
 * 400 with an OperationOutcome whose first issue is `invalid` and whose expressions name the
 * case's parameter.
 */
export async function expectRefusedSearches(
  prefix: string,
  cases: ReadonlyArray<readonly [query: string, parameter: string]>,
): Promise<void> {
  for (const [query, parameter] of cases) {
    const relative = `${prefix}${query}`;
    const { status, body } = await fhirGet<OperationOutcome>(relative);
    expect(status, relative).toBe(400);
    expect(body.issue[0]!.code, relative).toBe("invalid");
    expect(
      body.issue.flatMap((i) => i.expression ?? []),
      relative,
    ).toContain(parameter);
  }
}
