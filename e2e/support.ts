import { expect, request, type APIRequestContext, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { baseURL } from "../playwright.config";

export const demoPassword = "demo-password";
export const emailOf = (role: Role) => `${role}@demo.clinic`;

/** Signs in through the page, as staff do. */
export async function signInThroughPage(page: Page, email: string, password = demoPassword) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** An API client holding a real session cookie from next-auth's credentials endpoint. */
export async function apiAs(role: Role | null): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  if (!role) return context;
  const csrf = await (await context.get("/api/auth/csrf")).json();
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: emailOf(role), password: demoPassword, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = await (await context.get("/api/auth/session")).json();
  expect(session.role).toBe(role);
  return context;
}

/** The id of the newest audit event, read as the administrator. */
export async function newestAuditId(admin: APIRequestContext): Promise<string | null> {
  const page = await (await admin.get("/api/v1/audit-events?limit=1")).json();
  return page.items[0]?.id ?? null;
}
