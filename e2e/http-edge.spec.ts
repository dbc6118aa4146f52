// The HTTP edge against the production server: security headers on every kind of answer, a
// page that works under its Content-Security-Policy, and state changes from another origin refused.
import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { workspaceOf } from "@/lib/auth/policy";
import { baseURL } from "../playwright.config";
import { apiAs, emailOf, newestAuditId, signInThroughPage } from "./support";

function expectSecurityHeaders(response: APIResponse | Awaited<ReturnType<Page["goto"]>>, what: string) {
  const headers = response!.headers();
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  // Served over plain http here: no HSTS, which would pin the name to https.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

/** Records what the browser refused under the page's policy, and any script error. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  return violations;
}

test.describe("security headers", () => {
  test("a path that is not valid percent-encoding is a 400 with the headers, never the router's bare 500", async () => {
    const anonymous = await apiAs(null);
    for (const path of [
      "/api/v1/cases/%ZZ",
      "/api/v1/patients/%E0%A4%A",
      "/api/auth/%",
      "/set-password/%",
      "/cases/%",
    ]) {
      const response = await anonymous.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expectSecurityHeaders(response, path);
    }
  });

  test("every kind of answer carries them: pages, redirects, JSON, problems, files, next-auth, health", async () => {
    const anonymous = await apiAs(null);
    const reception = await apiAs("reception");
    expectSecurityHeaders(await anonymous.get("/login"), "the sign-in page");
    expectSecurityHeaders(await anonymous.get("/reception", { maxRedirects: 0 }), "the redirect to sign in");
    expectSecurityHeaders(await anonymous.get("/api/v1/patients"), "a 401 problem");
    expectSecurityHeaders(await anonymous.get("/api/health"), "the health check");
    expectSecurityHeaders(await anonymous.get("/api/auth/csrf"), "next-auth");
    expectSecurityHeaders(await anonymous.get("/api/v1/openapi.json"), "the OpenAPI document");
    expectSecurityHeaders(await reception.get("/api/v1/patients?q=Lambert"), "a JSON list");
    expectSecurityHeaders(await reception.get("/reception"), "a workspace page");
    expectSecurityHeaders(await reception.get("/no-such-page"), "a 404 page");
  });

  test("a page's scripts run only with a nonce that is new on every answer", async () => {
    const anonymous = await apiAs(null);
    const nonceOf = async () => {
      const policy = (await anonymous.get("/login")).headers()["content-security-policy"]!;
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy).not.toContain("unsafe-inline' ;");
      return /'nonce-([^']+)'/.exec(policy)![1];
    };
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  test("API answers may load nothing", async () => {
    const reception = await apiAs("reception");
    const policy = (await reception.get("/api/v1/patients?q=Lambert")).headers()["content-security-policy"];
    expect(policy).toContain("default-src 'none'");
  });

  test("an answer behind a TLS-ending proxy carries Strict-Transport-Security", async () => {
    const anonymous = await apiAs(null);
    const response = await anonymous.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  });

  test("signing in and working in a workspace break no rule of the page's policy", async ({ page }) => {
    const violations = watchViolations(page);
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(`${baseURL}${workspaceOf.reception}`);
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    // Client navigation and a react-query read (the patient search) under the policy.
    await page.getByLabel("Name, MRN or birth date").fill("Lambert");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText(/Lambert/).first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("state changes from another origin", () => {
  const patient = () => ({
    givenName: "Ada",
    familyName: `Edge${randomUUID().slice(0, 8)}`,
    birthDate: "1980-05-01",
    sex: "female",
  });

  test("a cross-site text/plain registration with the session cookie is refused (403) and writes nothing", async () => {
    const reception = await apiAs("reception");
    const admin = await apiAs("admin");
    const before = await newestAuditId(admin);
    const response = await reception.post("/api/v1/patients", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      data: JSON.stringify(patient()),
    });
    expect(response.status()).toBe(403);
    expect(await newestAuditId(admin)).toBe(before);
  });

  test("a JSON endpoint refuses a text/plain body from a client without Origin (415)", async () => {
    const reception = await apiAs("reception");
    const response = await reception.post("/api/v1/patients", {
      headers: { "content-type": "text/plain" },
      data: JSON.stringify(patient()),
    });
    expect(response.status()).toBe(415);
  });

  test("the app's own origin and clients without Origin still register patients", async () => {
    const reception = await apiAs("reception");
    expect((await reception.post("/api/v1/patients", { headers: { origin: baseURL }, data: patient() })).status()).toBe(
      201,
    );
    expect((await reception.post("/api/v1/patients", { data: patient() })).status()).toBe(201);
  });
});

test.describe("lists shown whole", () => {
  test("a patient search with more than a page of matches offers 'More patients' and then shows them all", async ({
    page,
  }) => {
    const reception = await apiAs("reception");
    const familyName = `Many${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 27; i++) {
      const response = await reception.post("/api/v1/patients", {
        data: { givenName: `Pat${String(i).padStart(2, "0")}`, familyName, birthDate: "1990-01-01", sex: "other" },
      });
      expect(response.status()).toBe(201);
    }
    await signInThroughPage(page, emailOf("reception"));
    await page.getByLabel("Name, MRN or birth date").fill(familyName);
    await page.getByRole("button", { name: "Search" }).click();
    const rows = page.getByRole("row").filter({ hasText: familyName.toUpperCase() });
    await expect(rows).toHaveCount(25);
    await page.getByRole("button", { name: "More patients" }).click();
    await expect(rows).toHaveCount(27);
    await expect(page.getByRole("button", { name: "More patients" })).toHaveCount(0);
  });
});
