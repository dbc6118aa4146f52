// One structured log line per API request, and a request id that ties a client's answer to it:
// the id comes back in the X-Request-Id header and in every problem+json body. The line names
// the endpoint's path template, never the concrete URL, and carries no patient data.
// First: it stands in for the session before next-auth loads.
import { call, callRoute, signInAs } from "../setup/routes";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { handle } from "@/lib/http/handler";
import { authOptions } from "@/lib/auth/options";
import { authRouteOf } from "@/lib/http/observed";
import { createLogger, setLogger } from "@/lib/observability/log";
import { registerPatient } from "@/lib/services/patients";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
let reception: Actor;
let patient: { id: string; mrn: string };
const lines: string[] = [];

/** The log lines written while `run` ran, parsed. */
async function logged(run: () => Promise<unknown>): Promise<{ raw: string; entries: Record<string, unknown>[] }> {
  const from = lines.length;
  await run();
  const raw = lines.slice(from).join("");
  return {
    raw,
    entries: raw
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  setLogger(createLogger({ level: "info", destination: sink }));
  reception = await createActor(prisma, "reception");
  const registered = await registerPatient(reception, {
    givenName: "Philippa",
    familyName: "Quixotewell",
    birthDate: "1990-04-02",
    sex: "female",
  });
  patient = { id: registered.id, mrn: registered.mrn };
});

afterAll(() => setLogger(null));

describe("request id", () => {
  it("generates an id for a request without one and returns it in the X-Request-Id header", async () => {
    await signInAs(prisma, reception);
    const first = await callRoute("get", "/api/v1/patients/{id}", { id: patient.id });
    const second = await callRoute("get", "/api/v1/patients/{id}", { id: patient.id });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("echoes a safe incoming X-Request-Id, in the header and in a problem+json body", async () => {
    await signInAs(prisma, null);
    const response = await call("get", "/api/v1/patients/{id}", {
      params: { id: patient.id },
      headers: { "x-request-id": "lb-7f3a.2_Z" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toBe("lb-7f3a.2_Z");
    expect(await response.json()).toMatchObject({ code: "UNAUTHENTICATED", requestId: "lb-7f3a.2_Z" });
  });

  it("replaces an unsafe incoming id (too long, spaces, control characters, markup) with one of its own", async () => {
    await signInAs(prisma, reception);
    for (const unsafe of ["x".repeat(65), "two words", "a\tb", "<script>", "id;drop", ""]) {
      const response = await call("get", "/api/v1/patients/{id}", {
        params: { id: "not-a-uuid" },
        headers: { "x-request-id": unsafe },
      });
      expect(response.status).toBe(400);
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await response.json()).requestId).toBe(id);
    }
  });

  it("puts the request id in the body of every kind of problem: 400, 403, 404 and 415", async () => {
    await signInAs(prisma, reception);
    const invalid = await callRoute("get", "/api/v1/patients/{id}", { id: "nope" });
    const missing = await callRoute("get", "/api/v1/patients/{id}", { id: "00000000-0000-4000-8000-000000000000" });
    const unsupported = await call("post", "/api/v1/patients", {
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    const refused = await callRoute("get", "/api/v1/audit-events", {});
    for (const [response, status] of [
      [invalid, 400],
      [missing, 404],
      [unsupported, 415],
      [refused, 403],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).requestId).toBe(response.headers.get("x-request-id"));
    }
  });
});

describe("request log", () => {
  it("writes one line per request: request id, route template, status, duration in ms and the staff id", async () => {
    await signInAs(prisma, reception);
    const { entries } = await logged(() =>
      call("get", "/api/v1/patients/{id}", { params: { id: patient.id }, headers: { "x-request-id": "trace-1" } }),
    );
    const requests = entries.filter((e) => e.requestId === "trace-1");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: 30,
      requestId: "trace-1",
      route: "GET /api/v1/patients/{id}",
      status: 200,
      staffId: reception.id,
    });
    expect(typeof requests[0]!.durationMs).toBe("number");
    expect(requests[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("logs a signed-out request without a staff id", async () => {
    await signInAs(prisma, null);
    const { entries } = await logged(() =>
      call("get", "/api/v1/patients/{id}", { params: { id: patient.id }, headers: { "x-request-id": "trace-2" } }),
    );
    const [entry] = entries.filter((e) => e.requestId === "trace-2");
    expect(entry).toMatchObject({ route: "GET /api/v1/patients/{id}", status: 401 });
    expect(entry).not.toHaveProperty("staffId");
  });

  it("names the staff member on a request their role may not make (403)", async () => {
    await signInAs(prisma, reception);
    const { entries } = await logged(() =>
      call("get", "/api/v1/audit-events", { query: "limit=10", headers: { "x-request-id": "trace-403" } }),
    );
    const [entry] = entries.filter((e) => e.requestId === "trace-403");
    expect(entry).toMatchObject({ route: "GET /api/v1/audit-events", status: 403, staffId: reception.id });
  });

  it("never writes a patient's name, MRN, id, the query string or the body", async () => {
    await signInAs(prisma, reception);
    const { raw, entries } = await logged(async () => {
      await callRoute("get", "/api/v1/patients", {}, "?q=Quixotewell");
      await callRoute("get", "/api/v1/patients", {}, `?q=${patient.mrn}`);
      await callRoute("get", "/api/v1/patients/{id}", { id: patient.id });
      await callRoute("post", "/api/v1/patients", {}, "", {
        givenName: "Bartholomew",
        familyName: "Zanzibarro",
        birthDate: "1985-01-01",
        sex: "male",
      });
    });
    expect(entries.map((e) => e.route)).toEqual([
      "GET /api/v1/patients",
      "GET /api/v1/patients",
      "GET /api/v1/patients/{id}",
      "POST /api/v1/patients",
    ]);
    for (const secret of ["Quixotewell", "Philippa", patient.mrn, patient.id, "Bartholomew", "Zanzibarro", "q="]) {
      expect(raw).not.toContain(secret);
    }
  });

  it("logs an unexpected error (500) at level error with the request id, its class and stack frames, not its message", async () => {
    const failing = handle(
      { method: "get", path: "/api/v1/example/{id}", action: null, summary: "Fails" },
      async () => {
        throw new TypeError("Cannot read Quixotewell's record");
      },
    );
    const { raw, entries } = await logged(async () => {
      const response = await failing(
        new Request("http://clinic.test/api/v1/example/42?q=Quixotewell", { headers: { "x-request-id": "trace-3" } }),
      );
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ code: "INTERNAL", requestId: "trace-3" });
    });
    const [entry] = entries.filter((e) => e.requestId === "trace-3");
    expect(entry).toMatchObject({ level: 50, route: "GET /api/v1/example/{id}", status: 500 });
    expect(entry!.err).toMatchObject({ type: "TypeError" });
    expect((entry!.err as { stack: string }).stack).toContain("request-log.test.ts");
    expect(raw).not.toContain("Quixotewell");
  });
});

describe("log level", () => {
  it("an unknown LOG_LEVEL logs at info and says so once, rather than failing every request", () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ level: "warning", destination: sink });
    expect(log.level).toBe("info");
    log.info("after");
    const entries = written
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ level: 40, msg: expect.stringMatching(/LOG_LEVEL/) });
    expect(JSON.stringify(entries[0])).toContain("warning");
  });
});

describe("the OpenAPI document", () => {
  it("is answered with a request id and logged like any API request", async () => {
    const { entries } = await logged(() =>
      call("get", "/api/v1/openapi.json", { headers: { "x-request-id": "doc-1" } }).then(async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get("x-request-id")).toBe("doc-1");
      }),
    );
    expect(entries.filter((e) => e.requestId === "doc-1")).toEqual([
      expect.objectContaining({ route: "GET /api/v1/openapi.json", status: 200 }),
    ]);
  });
});

describe("sign-in routes", () => {
  it("names next-auth's action and never the rest of its path", () => {
    expect(authRouteOf("http://clinic.test/api/auth/callback/credentials")).toBe("/api/auth/callback");
    expect(authRouteOf("http://clinic.test/api/auth/session")).toBe("/api/auth/session");
    expect(authRouteOf("http://clinic.test/api/auth/whatever-a-client-sends")).toBe("/api/auth/{action}");
  });

  it("writes next-auth's errors as one JSON line with the code only, never the message or stack", async () => {
    const { entries, raw } = await logged(async () =>
      authOptions.logger!.error!("JWT_SESSION_ERROR", new Error("Invalid Compact JWE for Philippa")),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 40, authCode: "JWT_SESSION_ERROR" });
    expect(raw).not.toContain("Philippa");
  });
});
