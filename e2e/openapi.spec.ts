// The OpenAPI document served at /api/v1/openapi.json describes the live answers: real calls,
// successes and refusals, each held to the response the document declares for its status and
// media type (e2e/openapi-document.ts).
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { isAllowed, roles, type Role } from "@/lib/auth/policy";
import { ruleCatalogue } from "@/lib/domain/rules";
import { addDays } from "@/lib/domain/time";
import { endpoints, type Endpoint, type Method } from "@/lib/http/endpoints";
import { now, startOf, today } from "./clock";
import { LiveDocument, type OpenApiDocument } from "./openapi-document";
import { apiAs, emailOf, newestAuditId } from "./support";

const named = Object.entries(endpoints) as [keyof typeof endpoints, Endpoint][];

/** `{}` as the body of a POST, PATCH or PUT when none is given, as the role matrix sends. */
const send = (api: APIRequestContext, method: Method, url: string, data?: unknown) =>
  api.fetch(url, { method: method.toUpperCase(), data: method === "get" ? undefined : (data ?? {}) });

const clients = new Map<Role | null, APIRequestContext>();
test.beforeAll(async () => {
  for (const role of [null, ...roles]) clients.set(role, await apiAs(role));
});

type Demo = {
  patient: { id: string; givenName: string; familyName: string; birthDate: string };
  operatedCaseId: string;
  referredCaseId: string;
  dischargedCaseId: string;
  appointmentId: string;
  /** A booked consultation to come, with its surgeon and room. */
  consultation: { id: string; start: string; clinician: { id: string }; room: { id: string } };
  staffId: string;
  roomId: string;
};

async function ok(response: APIResponse) {
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

const upcoming = () => `from=${startOf(today())}&to=${startOf(addDays(today(), 14))}`;

/** Real ids from the demo data the server was started with. */
async function loadDemo(): Promise<Demo> {
  const surgeon = clients.get("surgeon")!;
  const patients = (await ok(await surgeon.get("/api/v1/patients?q=Lambert"))).items;
  expect(patients.length, "demo patients named Lambert").toBeGreaterThan(0);
  const caseOf = async (...statuses: string[]) => {
    for (const status of statuses) {
      const items = (await ok(await surgeon.get(`/api/v1/cases?status=${status}`))).items;
      if (items.length) return items[0].id as string;
    }
    throw new Error(`The demo data has no case in ${statuses.join(" or ")}`);
  };
  const appointments = (await ok(await surgeon.get(`/api/v1/appointments?${upcoming()}`)))
    .items as (Demo["consultation"] & { kind: string; status: string })[];
  expect(appointments.length, "upcoming demo appointments").toBeGreaterThan(0);
  const soon = now().getTime() + 5 * 60_000;
  const consultation = appointments.find(
    (a) => a.kind === "consultation" && a.status === "booked" && a.clinician && a.room && Date.parse(a.start) > soon,
  );
  expect(consultation, "an upcoming demo consultation").toBeDefined();
  const staff = (await ok(await surgeon.get("/api/v1/staff?role=surgeon"))).items;
  const rooms = (await ok(await surgeon.get("/api/v1/rooms?kind=theatre"))).items;
  return {
    patient: patients[0],
    operatedCaseId: await caseOf("recovery", "operated"),
    referredCaseId: await caseOf("referred"),
    dischargedCaseId: await caseOf("discharged"),
    appointmentId: appointments[0]!.id,
    consultation: consultation!,
    staffId: staff[0].id,
    roomId: rooms[0].id,
  };
}

type Probe = {
  name: string;
  role: Role | null;
  method: Method;
  url: (demo: Demo) => string;
  data?: (demo: Demo) => unknown;
  status: number;
  /** Keeps a probe honest: an empty list would match any list schema. */
  body?: (body: { items?: unknown[]; [key: string]: unknown }, demo: Demo) => void;
};

const nonEmpty: Probe["body"] = (body) => expect(body.items?.length, "items").toBeGreaterThan(0);

const probes: Probe[] = [
  {
    name: "a patient search",
    role: "reception",
    method: "get",
    url: () => "/api/v1/patients?q=Lambert",
    status: 200,
    body: nonEmpty,
  },
  {
    name: "a patient search for everyone",
    role: "physio",
    method: "get",
    url: () => "/api/v1/patients?limit=100",
    status: 200,
    body: nonEmpty,
  },
  {
    name: "a patient read",
    role: "surgeon",
    method: "get",
    url: (d) => `/api/v1/patients/${d.patient.id}`,
    status: 200,
  },
  {
    name: "a duplicate check",
    role: "reception",
    method: "get",
    url: (d) =>
      `/api/v1/patients/duplicates?givenName=${encodeURIComponent(d.patient.givenName)}&familyName=${encodeURIComponent(d.patient.familyName)}&birthDate=${d.patient.birthDate}`,
    status: 200,
    body: nonEmpty,
  },
  {
    name: "a case list",
    role: "surgeon",
    method: "get",
    url: () => "/api/v1/cases?limit=100",
    status: 200,
    body: nonEmpty,
  },
  {
    name: "a case read by a clinician (the clinical record)",
    role: "surgeon",
    method: "get",
    url: (d) => `/api/v1/cases/${d.operatedCaseId}`,
    status: 200,
    body: (body) => expect(body.clinical).toBeTruthy(),
  },
  {
    name: "a case read by reception (the summary)",
    role: "reception",
    method: "get",
    url: (d) => `/api/v1/cases/${d.operatedCaseId}`,
    status: 200,
    body: (body) => expect(body.clinical).toBeNull(),
  },
  {
    name: "a care plan",
    role: "nurse",
    method: "get",
    url: (d) => `/api/v1/cases/${d.operatedCaseId}/care-plan`,
    status: 200,
  },
  {
    name: "an appointments list",
    role: "reception",
    method: "get",
    url: () => `/api/v1/appointments?${upcoming()}`,
    status: 200,
    body: nonEmpty,
  },
  {
    name: "an appointment read",
    role: "reception",
    method: "get",
    url: (d) => `/api/v1/appointments/${d.appointmentId}`,
    status: 200,
  },
  {
    name: "a slot search",
    role: "reception",
    method: "get",
    url: (d) => `/api/v1/appointments/slots?caseId=${d.referredCaseId}&kind=consultation&from=${today()}&days=14`,
    status: 200,
    body: nonEmpty,
  },
  {
    name: "the recovery board",
    role: "surgeon",
    method: "get",
    url: () => "/api/v1/recovery-board",
    status: 200,
    body: nonEmpty,
  },
  { name: "the dressing round", role: "nurse", method: "get", url: () => "/api/v1/dressing-round", status: 200 },
  { name: "the staff list", role: "reception", method: "get", url: () => "/api/v1/staff", status: 200, body: nonEmpty },
  { name: "the room list", role: "reception", method: "get", url: () => "/api/v1/rooms", status: 200, body: nonEmpty },
  {
    name: "a staff member's hours",
    role: "admin",
    method: "get",
    url: (d) => `/api/v1/staff/${d.staffId}/hours`,
    status: 200,
  },
  { name: "a room's hours", role: "admin", method: "get", url: (d) => `/api/v1/rooms/${d.roomId}/hours`, status: 200 },
  { name: "the clinic policies", role: "nurse", method: "get", url: () => "/api/v1/policies", status: 200 },
  {
    name: "the audit trail",
    role: "admin",
    method: "get",
    url: () => "/api/v1/audit-events?limit=50",
    status: 200,
    body: nonEmpty,
  },
  {
    name: "the waiting list",
    role: "reception",
    method: "get",
    url: () => "/api/v1/waiting-list?limit=5",
    status: 200,
    body: nonEmpty,
  },
  { name: "the health check", role: null, method: "get", url: () => "/api/health", status: 200 },
  {
    name: "a validation error (400 problem+json)",
    role: "reception",
    method: "post",
    url: () => "/api/v1/patients",
    data: () => ({ givenName: "", birthDate: "1990-02-31", sex: "x" }),
    status: 400,
    body: (body) =>
      expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "givenName" })])),
  },
  {
    name: "a query that does not parse (400)",
    role: "surgeon",
    method: "get",
    url: () => "/api/v1/cases?status=lost",
    status: 400,
  },
  {
    name: "an unknown patient (404)",
    role: "surgeon",
    method: "get",
    url: () => `/api/v1/patients/${randomUUID()}`,
    status: 404,
  },
  {
    name: "an unknown case (404)",
    role: "surgeon",
    method: "get",
    url: () => `/api/v1/cases/${randomUUID()}`,
    status: 404,
  },
  {
    name: "a referral for an unknown patient (404 naming the field)",
    role: "reception",
    method: "post",
    url: () => "/api/v1/cases",
    data: () => ({ patientId: randomUUID(), side: "left", mechanism: "traumatic" }),
    status: 404,
    body: (body) => expect(body.errors).toEqual([expect.objectContaining({ path: "patientId" })]),
  },
  {
    name: "a role the policy denies (403)",
    role: "admin",
    method: "get",
    url: (d) => `/api/v1/cases/${d.operatedCaseId}`,
    status: 403,
  },
  {
    name: "a case command the policy denies (403)",
    role: "reception",
    method: "post",
    url: (d) => `/api/v1/cases/${d.referredCaseId}/imaging`,
    data: () => ({}),
    status: 403,
  },
  { name: "signed out (401)", role: null, method: "get", url: () => "/api/v1/patients?q=Lambert", status: 401 },
  {
    name: "a booking at a time the surgeon and room are taken (409 with the conflicts)",
    role: "reception",
    method: "post",
    url: () => "/api/v1/appointments",
    data: (d) => ({
      caseId: d.referredCaseId,
      kind: "consultation",
      start: d.consultation.start,
      clinicianId: d.consultation.clinician.id,
      roomId: d.consultation.room.id,
    }),
    status: 409,
    body: (body, d) => {
      expect(body.code).toBe("SC-1");
      expect(body.conflicts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            appointmentId: d.consultation.id,
            resource: "clinician",
            kind: "consultation",
          }),
          expect.objectContaining({
            appointmentId: d.consultation.id,
            resource: "room",
            kind: "consultation",
          }),
        ]),
      );
    },
  },
  {
    name: "a staff account with an email already in use (409)",
    role: "admin",
    method: "post",
    url: () => "/api/v1/staff",
    data: () => ({ email: emailOf("nurse"), name: "Second nurse", role: "nurse" }),
    status: 409,
    body: (body) => expect(body.code).toBe("CONFLICT"),
  },
  {
    name: "a protocol rule refusing a command (422)",
    role: "surgeon",
    method: "post",
    url: (d) => `/api/v1/cases/${d.dischargedCaseId}/cancel`,
    data: () => ({ reason: "Checking the refusal" }),
    status: 422,
    body: (body) => expect(body).toMatchObject({ code: "PW-3", rule: ruleCatalogue["PW-3"] }),
  },
  {
    name: "a body over 100 kB (413)",
    role: "reception",
    method: "post",
    url: () => "/api/v1/patients",
    data: () => ({ givenName: "A".repeat(110 * 1024), familyName: "Big", birthDate: "1990-01-01", sex: "female" }),
    status: 413,
  },
  {
    name: "a case's calendar file (text/calendar)",
    role: "reception",
    method: "get",
    url: (d) => `/api/v1/cases/${d.operatedCaseId}/appointments.ics`,
    status: 200,
  },
];

test.describe("the OpenAPI document describes the live answers", () => {
  let document: OpenApiDocument;
  let live: LiveDocument;
  let demo: Demo;
  test.beforeAll(async () => {
    const response = await clients.get(null)!.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    expect(document.openapi).toBe("3.1.0");
    live = new LiveDocument(document);
    demo = await loadDemo();
  });

  test("the validator reads every schema of the document as JSON Schema 2020-12, and refuses keywords it does not know", () => {
    expect(live.unreadableSchemas()).toEqual([]);
    const single = (schema: object, schemas: Record<string, object> = {}) =>
      new LiveDocument({
        openapi: "3.1.0",
        paths: { "/x": { get: { responses: { "200": { content: { "application/json": { schema } } } } } } },
        components: { schemas },
      });
    const problemsOf = (schema: object, body: unknown, schemas?: Record<string, object>) =>
      single(schema, schemas).bodyProblems("get", "/x", "200", "application/json", body).join("\n");
    // 2020-12 applies a $ref's siblings and prefixItems, where draft-07 ignored them.
    const a = { type: "object", properties: { a: { type: "integer" } }, required: ["a"] };
    expect(
      problemsOf(
        { $ref: "#/components/schemas/A", type: "object", properties: { b: {} }, required: ["b"] },
        { a: 1 },
        { A: a },
      ),
    ).toContain("must have required property 'b'");
    expect(problemsOf({ type: "array", prefixItems: [{ type: "string" }], minItems: 1, items: false }, [1])).toContain(
      "body/0 must be string",
    );
    // A keyword the validator does not know, here misspelt, fails instead of being skipped.
    expect(() => problemsOf({ type: "string", minLenght: 1 }, "")).toThrow(/unknown keyword: "minLenght"/);
    // `nullable` (OpenAPI 3.0) is read by Ajv but not by OpenAPI 3.1: the document may not use it.
    const nullable = single({ type: "object", properties: { phone: { type: "string", nullable: true } } });
    expect(nullable.unreadableSchemas()).toEqual([expect.stringContaining("/properties/phone: nullable")]);
  });

  test("the path matching finds literal paths before templated ones", () => {
    expect(live.templateOf("get", "/api/v1/patients/duplicates")).toBe("/api/v1/patients/duplicates");
    expect(live.templateOf("get", `/api/v1/patients/${randomUUID()}`)).toBe("/api/v1/patients/{id}");
    expect(live.templateOf("post", `/api/v1/cases/${randomUUID()}/first-line-courses/${randomUUID()}/review`)).toBe(
      "/api/v1/cases/{id}/first-line-courses/{courseId}/review",
    );
    expect(live.templateOf("get", "/api/v1/nowhere")).toBeUndefined();
  });

  test("the validation catches a body that breaks the declared schema", async () => {
    const patient = await ok(await clients.get("surgeon")!.get(`/api/v1/patients/${demo.patient.id}`));
    expect(live.bodyProblems("get", "/api/v1/patients/{id}", "200", "application/json", patient)).toEqual([]);
    const broken = { ...patient, id: "not-a-uuid", sex: "x", phone: 7 };
    delete broken.mrn;
    const problems = live.bodyProblems("get", "/api/v1/patients/{id}", "200", "application/json", broken).join("\n");
    for (const expected of [
      "must have required property 'mrn'",
      'body/id must match format "uuid"',
      "body/sex must be equal to one of the allowed values",
      "body/phone must be string,null",
    ]) {
      expect(problems).toContain(expected);
    }
    // Through a $ref into components, and into nested arrays.
    const page = await ok(await clients.get("reception")!.get("/api/v1/patients?q=Lambert"));
    expect(live.bodyProblems("get", "/api/v1/patients", "200", "application/json", page)).toEqual([]);
    const nested = live.bodyProblems("get", "/api/v1/patients", "200", "application/json", {
      ...page,
      items: [{ ...page.items[0], birthDate: null }],
    });
    expect(nested.join("\n")).toContain("body/items/0/birthDate must be string");
    expect(live.bodyProblems("get", "/api/v1/patients", "200", "application/json", { items: [] }).join("\n")).toContain(
      "must have required property 'nextCursor'",
    );
    // A problem body: its status and code are the declared ones, and it carries no undeclared field.
    const refusal = {
      type: "about:blank#PW-3",
      title: "Unprocessable Content",
      status: 422,
      detail: "No.",
      code: "PW-3",
      requestId: "r-1",
      rule: ruleCatalogue["PW-3"],
    };
    expect(live.bodyProblems("post", "/api/v1/cases/{id}/cancel", "422", "application/problem+json", refusal)).toEqual(
      [],
    );
    const wrong = live
      .bodyProblems("post", "/api/v1/cases/{id}/cancel", "422", "application/problem+json", {
        ...refusal,
        status: 409,
        code: "NOPE",
        conflicts: [],
      })
      .join("\n");
    for (const expected of [
      "body/status must be equal to one of the allowed values",
      "body/code must be equal to one of the allowed values",
      "must NOT have additional properties: 'conflicts'",
    ]) {
      expect(wrong).toContain(expected);
    }
  });

  test("the refusals every endpoint of a shape can meet are declared", () => {
    const missing: string[] = [];
    for (const [, endpoint] of named) {
      const declared = Object.keys(document.paths[endpoint.path]?.[endpoint.method]?.responses ?? {});
      const expected = [
        "500",
        ...(endpoint.action ? ["401", "403"] : []),
        ...(endpoint.params ? ["400", "404"] : []),
        ...(endpoint.body ? ["400", "413", "415"] : []),
      ];
      if (endpoint.method === "post" && endpoint.action) expected.push("409", "422");
      for (const status of expected)
        if (!declared.includes(status)) missing.push(`${endpoint.method.toUpperCase()} ${endpoint.path}: ${status}`);
    }
    expect(missing).toEqual([]);
  });

  test("a new staff account, its set-password links and their use answer as documented, and a replay never repeats a link (AC-1, AC-2)", async () => {
    const admin = clients.get("admin")!;
    const anonymous = clients.get(null)!;
    const key = randomUUID();
    const create = () =>
      admin.post("/api/v1/staff", {
        data: { email: `physio.${key}@demo.clinic`, name: "Physio Documented", role: "physio" },
        headers: { "Idempotency-Key": key },
      });
    const created = await create();
    expect(created.status()).toBe(201);
    expect(await live.problems("post", "/api/v1/staff", created)).toEqual([]);
    const account = await created.json();
    expect(account.passwordLink.url).toMatch(/\/set-password\//);
    const replayed = await create();
    expect(replayed.headers()["idempotent-replayed"]).toBe("true");
    expect((await replayed.json()).passwordLink).toEqual({ ...account.passwordLink, url: null });
    expect(await live.problems("post", "/api/v1/staff", replayed)).toEqual([]);

    const url = `/api/v1/staff/${account.id}/password-links`;
    const issued = await admin.post(url);
    expect(issued.status()).toBe(201);
    expect(await live.problems("post", url, issued)).toEqual([]);
    const tokenOf = (link: string) => new URL(link).pathname.split("/").pop();
    const token = tokenOf((await issued.json()).url);
    for (const [data, status] of [
      [{ token, password: "a physio's own password" }, 200],
      [{ token, password: "a physio's own password" }, 422],
      [{ token: tokenOf(account.passwordLink.url), password: "a physio's own password" }, 422],
      [{ token: "no-such-token", password: "a physio's own password" }, 404],
    ] as const) {
      const response = await anonymous.post("/api/v1/set-password", { data });
      expect(response.status()).toBe(status);
      expect(await live.problems("post", "/api/v1/set-password", response)).toEqual([]);
    }
    const demoAdmin = (await ok(await admin.get("/api/v1/staff?role=admin"))).items.find(
      (s: { name: string }) => s.name === "Kim Adeyemi",
    );
    const own = await admin.patch(`/api/v1/staff/${demoAdmin.id}`, { data: { role: "surgeon" } });
    expect(own.status()).toBe(422);
    expect(await live.problems("patch", `/api/v1/staff/${demoAdmin.id}`, own)).toEqual([]);
  });

  for (const probe of probes) {
    test(`${probe.name}: ${probe.method.toUpperCase()} as ${probe.role ?? "nobody"}`, async () => {
      const admin = clients.get("admin")!;
      const before = probe.method === "get" ? null : await newestAuditId(admin);
      const url = probe.url(demo);
      const response = await send(clients.get(probe.role)!, probe.method, url, probe.data?.(demo));
      expect(response.status(), await response.text()).toBe(probe.status);
      if (probe.body) probe.body(await response.json(), demo);
      expect(await live.problems(probe.method, url, response)).toEqual([]);
      // The probes that write were chosen to be refused: they change nothing.
      if (probe.method !== "get") expect(await newestAuditId(admin)).toBe(before);
    });
  }

  // Every answer of the role matrix (signed out, a denied role, an allowed role) for every
  // endpoint, held to the document the same way. Which of 200, 400 and 404 an allowed role gets
  // is pinned, endpoint by endpoint, by the role matrix in e2e/api.spec.ts.
  for (const [, endpoint] of named) {
    test(`${endpoint.method.toUpperCase()} ${endpoint.path}: the role matrix's answers are documented`, async () => {
      const denied = endpoint.action ? roles.find((role) => !isAllowed(role, endpoint.action!)) : undefined;
      const allowed = roles.find((role) => !endpoint.action || isAllowed(role, endpoint.action));
      const problems: string[] = [];
      const statuses = new Map<Role | null, number>();
      for (const role of [null, denied, allowed]) {
        if (role === undefined) continue;
        const url = endpoint.path.replace("{id}", randomUUID());
        const response = await send(clients.get(role)!, endpoint.method, url);
        const status = response.status();
        if (role === null && endpoint.action) expect(status, "signed out").toBe(401);
        else if (role === denied) expect(status, `${role} is denied`).toBe(403);
        else expect([200, 400, 404], `${role ?? "signed out"} is allowed: ${await response.text()}`).toContain(status);
        // An open endpoint answers everyone alike.
        if (!endpoint.action && role !== null) expect(status, "as signed out").toBe(statuses.get(null));
        statuses.set(role, status);
        problems.push(...(await live.problems(endpoint.method, url, response)));
      }
      expect(problems).toEqual([]);
    });
  }
});
