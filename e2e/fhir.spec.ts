import { expect, test, type APIResponse, type Page } from "@playwright/test";
import type { Bundle, CapabilityStatement, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { fhirIssues } from "../tests/setup/fhir-validation";
import { apiAs, emailOf, signInThroughPage } from "./support";

/** The answer's body, checked to be FHIR JSON and valid R4 (a Bundle entry by entry). */
async function fhirBody<T extends Resource>(response: APIResponse | null): Promise<T> {
  expect(response).not.toBeNull();
  expect(response!.headers()["content-type"]).toMatch(/^application\/fhir\+json/);
  const body = (await response!.json()) as T;
  expect(await fhirIssues(body), `${body.resourceType}/${body.id ?? ""}`).toEqual([]);
  return body;
}

/** Opens a FHIR URL in the signed-in browser tab, as a person trying the API would; answers the valid resource. */
async function open<T extends Resource>(page: Page, url: string): Promise<T> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return fhirBody<T>(response as unknown as APIResponse);
}

/** Every match of a search in the browser, following its next links. */
async function everyMatch<T extends Resource>(page: Page, url: string): Promise<T[]> {
  const found: T[] = [];
  let next: string | undefined = url;
  while (next) {
    const bundle: Bundle = await open<Bundle>(page, next);
    expect(bundle.type).toBe("searchset");
    found.push(...(bundle.entry ?? []).map((e) => e.resource as T));
    next = bundle.link?.find((l) => l.relation === "next")?.url;
  }
  return found;
}

test("a surgeon reads one demo patient's whole record through /fhir/R4 in the browser, every resource valid R4", async ({
  page,
}) => {
  await signInThroughPage(page, emailOf("surgeon"));
  await expect(page).not.toHaveURL(/\/login/);
  // A demo patient operated on, found through the interface itself: of the operations (in id
  // order, so any of them first), the first whose patient has appointments. Cases that earlier
  // journeys arranged straight to their operation have none.
  const procedures = await open<Bundle>(page, "/fhir/R4/Procedure?_count=100");
  let subject = "";
  let appointments: Resource[] = [];
  for (const entry of procedures.entry ?? []) {
    subject = (entry.resource as { subject: { reference: string } }).subject.reference;
    appointments = await everyMatch(page, `/fhir/R4/Appointment?patient=${subject}&_count=5`);
    if (appointments.length > 0) break;
  }
  expect(appointments.length, "an operated demo patient with appointments").toBeGreaterThan(0);
  expect(subject).toMatch(/^Patient\//);
  const patient = await open(page, `/fhir/R4/${subject}`);
  expect(`Patient/${patient.id}`).toBe(subject);
  const conditions = await everyMatch(page, `/fhir/R4/Condition?subject=${subject}`);
  expect(conditions.length).toBeGreaterThan(0);
  expect((await everyMatch(page, `/fhir/R4/Procedure?patient=${subject}`)).length).toBe(1);
  expect((await everyMatch(page, `/fhir/R4/CarePlan?subject=${subject}`)).length).toBe(1);
  const observations = await everyMatch(page, `/fhir/R4/Observation?subject=${subject}`);
  for (const observation of observations) expect(JSON.stringify(observation)).toContain('"code":"72514-3"');
  await expect(page.locator("body")).toContainText('"resourceType":"Bundle"');
});

test("the CapabilityStatement is public; every served type answers 401 OperationOutcome without a session", async () => {
  const anonymous = await apiAs(null);
  const capability = await fhirBody<CapabilityStatement>(await anonymous.get("/fhir/R4/metadata"));
  const types = capability.rest![0]!.resource!.map((r) => r.type);
  expect(types).toEqual(
    expect.arrayContaining(["Patient", "Practitioner", "PractitionerRole", "Location", "Condition", "Appointment"]),
  );
  expect(types).toEqual(expect.arrayContaining(["Procedure", "CarePlan", "Observation"]));
  for (const type of types) {
    const response = await anonymous.get(`/fhir/R4/${type}`);
    expect(response.status(), type).toBe(401);
    expect((await fhirBody<OperationOutcome>(response)).issue[0]!.code).toBe("login");
  }
});

test("each role reads through FHIR what it reads in /api/v1: reception and the administrator get 403 on clinical records", async () => {
  const expected: Record<string, Record<string, number>> = {
    reception: { Patient: 200, Appointment: 200, Location: 200, Condition: 403, Procedure: 403, Observation: 403 },
    admin: { Patient: 200, Practitioner: 200, Condition: 403, CarePlan: 403, Observation: 403 },
    nurse: { Patient: 200, Condition: 200, CarePlan: 200, Observation: 200 },
  };
  for (const [role, statuses] of Object.entries(expected)) {
    const client = await apiAs(role as "reception" | "admin" | "nurse");
    for (const [type, status] of Object.entries(statuses)) {
      const response = await client.get(`/fhir/R4/${type}?_count=1`);
      expect(response.status(), `${role} ${type}`).toBe(status);
      const body = await fhirBody<Resource>(response);
      expect(body.resourceType).toBe(status === 200 ? "Bundle" : "OperationOutcome");
    }
  }
});

test("bad searches answer 400 and unknown records 404, as OperationOutcome", async () => {
  const surgeon = await apiAs("surgeon");
  for (const query of [
    "Appointment?date=tomorrow",
    "Observation?subject=someone",
    "Patient?colour=blue",
    "Patient?_count=500",
  ]) {
    const response = await surgeon.get(`/fhir/R4/${query}`);
    expect(response.status(), query).toBe(400);
    expect((await fhirBody<OperationOutcome>(response)).issue[0]!.code).toBe("invalid");
  }
  for (const path of [
    "Patient/00000000-0000-4000-8000-000000000000",
    "Procedure/unknown",
    "Medication/1",
    "Patient/00000000-0000-4000-8000-000000000000/_history",
  ]) {
    const response = await surgeon.get(`/fhir/R4/${path}`);
    expect(response.status(), path).toBe(404);
    expect((await fhirBody<OperationOutcome>(response)).issue[0]!.code).toBe("not-found");
  }
});

test("the interface is read-only: every other method answers 405 OperationOutcome with Allow: GET", async () => {
  const surgeon = await apiAs("surgeon");
  for (const [method, path] of <[string, string][]>[
    ["POST", "/fhir/R4/Patient"],
    ["PUT", "/fhir/R4/Patient/00000000-0000-4000-8000-000000000000"],
    ["DELETE", "/fhir/R4/Patient/00000000-0000-4000-8000-000000000000"],
    ["POST", "/fhir/R4"],
  ]) {
    const response = await surgeon.fetch(path, { method, data: { resourceType: "Patient" } });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe("GET");
    expect((await fhirBody<OperationOutcome>(response)).issue[0]!.code).toBe("not-supported");
  }
});
