// proxy.ts, called as Next.js calls it, for each kind of path it sees. The end-to-end suite
// (e2e/http-edge.spec.ts) checks the same headers on the production server and that pages
// still work under the policy.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const answer = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://clinic.test${path}`, { headers }));

describe("security headers", () => {
  for (const path of ["/login", "/reception", "/api/v1/patients", "/api/health", "/api/auth/csrf"]) {
    it(`${path} carries a policy that forbids framing, nosniff and a referrer policy`, async () => {
      const response = await answer(path);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    });
  }

  it("refuses a path that is not valid percent-encoding with a 400 and the headers, before Next.js's router answers it with a bare 500", async () => {
    for (const path of [
      "/api/v1/cases/%ZZ",
      "/api/v1/staff/%",
      "/api/v1/patients/%E0%A4%A",
      "/api/auth/%",
      "/set-password/%",
      "/cases/%",
    ]) {
      const response = await answer(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      if (path.startsWith("/api/v1/"))
        expect(await response.json()).toMatchObject({ code: "VALIDATION", errors: [{ path: "path" }] });
    }
    expect((await answer("/api/v1/patients/%C3%A9")).status).not.toBe(400);
  });

  it("answers such a refusal with the client's safe X-Request-Id, in the header and the problem body", async () => {
    const response = await answer("/api/v1/cases/%ZZ", { "x-request-id": "edge-7" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBe("edge-7");
    expect(await response.json()).toMatchObject({ requestId: "edge-7" });
    const page = await answer("/cases/%", { "x-request-id": "edge-8" });
    expect(page.headers.get("x-request-id")).toBe("edge-8");
  });

  it("gives each page a fresh script nonce and hands it to Next.js in the request's policy", async () => {
    const first = (await answer("/login")).headers.get("content-security-policy")!;
    const second = (await answer("/login")).headers.get("content-security-policy")!;
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})' 'strict-dynamic'/.exec(first)?.[1];
    expect(nonce).toBeDefined();
    expect(second).not.toContain(nonce);
    expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next.js reads the nonce from the request's own Content-Security-Policy header.
    const forwarded = (await answer("/login")).headers.get("x-middleware-request-content-security-policy");
    expect(forwarded).toMatch(/'nonce-/);
  });

  it("opens the patient's page without a staff session, and lets its token leave for no other site in a Referer header nor be indexed", async () => {
    const token = "A".repeat(43);
    const page = await answer(`/portal/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("location")).toBeNull();
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("content-security-policy")).toMatch(/'nonce-/);
    const feed = await answer(`/portal/${token}/calendar.ics`);
    expect(feed.headers.get("referrer-policy")).toBe("same-origin");
    expect(feed.headers.get("content-security-policy")).toContain("default-src 'none'");
    // Staff pages still send a visitor without a session to sign in.
    expect((await answer("/reception")).headers.get("location")).toContain("/login");
  });

  it("lets API answers load nothing", async () => {
    expect((await answer("/api/v1/patients")).headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("adds Strict-Transport-Security over https, also behind a proxy that ended TLS", async () => {
    expect(
      (await proxy(new NextRequest("https://clinic.test/login"))).headers.get("strict-transport-security"),
    ).toMatch(/^max-age=\d{7,}/);
    expect(
      (await answer("/api/v1/patients", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security"),
    ).toMatch(/^max-age=\d{7,}/);
  });
});
