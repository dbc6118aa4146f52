import { call, origin, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
let reception: Actor;
let admin: Actor;

beforeAll(async () => {
  reception = await createActor(prisma, "reception");
  admin = await createActor(prisma, "admin");
});

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

const family = () => `Origin${randomUUID().slice(0, 8)}`;
const patientBody = (familyName: string) =>
  JSON.stringify({ givenName: "Ada", familyName, birthDate: "1980-05-01", sex: "female" });
const registered = (familyName: string) => prisma.patient.count({ where: { familyName } });

const register = (familyName: string, headers: Record<string, string>) =>
  call("post", "/api/v1/patients", { body: patientBody(familyName), headers });

describe("state-changing requests come from the app's own origin", () => {
  it("refuses a cross-site registration sent as text/plain with the session cookie: 403, nothing written", async () => {
    await signInAs(prisma, reception);
    const name = family();
    const response = await register(name, {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
      "content-type": "text/plain",
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: "FORBIDDEN",
      detail: "This change was sent from another site's page, so it was refused.",
    });
    expect(await registered(name)).toBe(0);
  });

  it("refuses another origin even with a JSON body, and an opaque origin ('null')", async () => {
    await signInAs(prisma, reception);
    const name = family();
    for (const other of [
      "https://evil.example",
      "null",
      "http://clinic.test.evil.example",
      "https://clinic.test",
      "http://clinic.test:8080",
    ]) {
      const response = await register(name, { origin: other, "content-type": "application/json" });
      expect(response.status, other).toBe(403);
    }
    expect(await registered(name)).toBe(0);
  });

  it("refuses PATCH and PUT from another origin too", async () => {
    await signInAs(prisma, admin);
    const headers = { origin: "https://evil.example", "content-type": "application/json" };
    const patch = await call("patch", "/api/v1/patients/{id}", { params: { id: randomUUID() }, body: "{}", headers });
    expect(patch.status).toBe(403);
    const put = await call("put", "/api/v1/staff/{id}/hours", { params: { id: admin.id }, body: "{}", headers });
    expect(put.status).toBe(403);
  });

  it("accepts the request's own origin (its Host) and the configured NEXTAUTH_URL's", async () => {
    await signInAs(prisma, reception);
    const own = await register(family(), {
      origin,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
    });
    expect(own.status).toBe(201);
    process.env.NEXTAUTH_URL = "https://clinic.example.org/";
    const configured = await register(family(), {
      origin: "https://clinic.example.org",
      "content-type": "application/json; charset=utf-8",
    });
    expect(configured.status).toBe(201);
  });

  it("refuses a request a browser marks as sent from another site (Sec-Fetch-Site: cross-site), even without an Origin", async () => {
    await signInAs(prisma, reception);
    const name = family();
    const response = await register(name, { "sec-fetch-site": "cross-site", "content-type": "application/json" });
    expect(response.status).toBe(403);
    expect(await registered(name)).toBe(0);
  });

  it("accepts non-browser clients, which send no Origin", async () => {
    await signInAs(prisma, reception);
    const response = await register(family(), { "content-type": "application/json" });
    expect(response.status).toBe(201);
  });

  it("still answers reads from another origin (the browser keeps their answer from that page)", async () => {
    await signInAs(prisma, reception);
    const response = await call("get", "/api/v1/patients", {
      query: "q=zz",
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
  });
});

describe("JSON endpoints take JSON only", () => {
  it("refuses a body of another content type with 415, and writes nothing", async () => {
    await signInAs(prisma, reception);
    const name = family();
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "text/json",
    ]) {
      const response = await register(name, { "content-type": type });
      expect(response.status, type).toBe(415);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    const untyped = await register(name, {});
    expect(untyped.status).toBe(415);
    expect(await registered(name)).toBe(0);
  });

  it("takes application/json in any letter case and with a charset", async () => {
    await signInAs(prisma, reception);
    const response = await register(family(), { "content-type": "Application/JSON;charset=UTF-8" });
    expect(response.status).toBe(201);
  });
});
