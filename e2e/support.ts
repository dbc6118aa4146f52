import { expect, request, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { urlOf, type CallOf } from "@/lib/http/client";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
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

/**
 * One call of the catalogue through a Playwright client, as the browser's client makes it
 * (lib/http/client.ts): path, query and JSON body typed by the endpoint's zod schemas.
 */
export function send<E extends Endpoint>(
  client: APIRequestContext,
  endpoint: E,
  call: CallOf<E>,
): Promise<APIResponse> {
  return client.fetch(urlOf(endpoint, call), {
    method: endpoint.method.toUpperCase(),
    data: call.body,
    headers: call.idempotencyKey ? { "idempotency-key": call.idempotencyKey } : undefined,
  });
}

/** The id of the newest audit event, read as the administrator. */
export async function newestAuditId(admin: APIRequestContext): Promise<string | null> {
  const page = await (await send(admin, endpoints.listAuditEvents, { query: { limit: 1 } })).json();
  return page.items[0]?.id ?? null;
}
