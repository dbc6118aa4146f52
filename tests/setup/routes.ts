// Calls the app's own route handlers in this process, as Next.js would, for tests of the HTTP
// edge (origin checks, content types, status codes of bad input). A signed-in request carries a
// real session cookie (next-auth's encrypted token, made with this run's own secret) naming a
// real staff_session row, and the handler reads it as in production. Server pages read cookies
// through Next's request context, which only exists inside a Next server: `next/headers` is the
// one thing stood in for, answering the same cookie. Import this module first in a test file.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { vi } from "vitest";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { sessionCookieName } from "@/lib/auth/cookies";
import { encodeSession } from "@/lib/auth/session-token";

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
const session = vi.hoisted(() => ({ cookie: null as string | null }));

vi.mock("next/headers", async (original) => ({
  ...(await original<typeof import("next/headers")>()),
  cookies: async () => new RequestCookies(new Headers(session.cookie ? { cookie: session.cookie } : {})),
}));

/** Makes the following requests carry a live session of `actor` (a real staff_session row), or none. */
export async function signInAs(prisma: Db, actor: Actor | null): Promise<void> {
  if (!actor) {
    session.cookie = null;
    return;
  }
  const row = await prisma.staffSession.create({ data: { staffId: actor.id } });
  const now = Date.now();
  const claims = { staffId: actor.id, sessionId: row.id, signedInAt: now, lastSeenAt: now, role: actor.role };
  const token = await encodeSession({ token: claims, secret: process.env.NEXTAUTH_SECRET!, maxAge: 15 * 60 });
  session.cookie = `${sessionCookieName}=${token}`;
}

type RouteModule = Partial<
  Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>
>;

/** The file under app/ that serves an OpenAPI path: `/api/v1/cases/{id}` -> app/api/v1/cases/[id]/route.ts. */
export function routeFileOf(apiPath: string): string {
  const folder = apiPath.replace(/\{(\w+)\}/g, "[$1]");
  return path.join(import.meta.dirname, "..", "..", "app", folder, "route.ts");
}

const parameterNames = (apiPath: string) => [...apiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

export const origin = "http://clinic.test";

/**
 * Sends one request to the route handler that serves `apiPath` (with `{name}` placeholders),
 * its placeholders filled from `params` (values used as they are: the router does not decode).
 */
export async function call(
  method: string,
  apiPath: string,
  init: { params?: Record<string, string>; query?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const route = (await import(routeFileOf(apiPath))) as RouteModule;
  const handler = route[method.toUpperCase()];
  if (!handler) throw new Error(`No ${method} handler for ${apiPath}`);
  // A path is text on the wire: a lone surrogate reaches the router as U+FFFD.
  const params = Object.fromEntries(
    Object.entries(init.params ?? {}).map(([name, value]) => [name, value.toWellFormed()]),
  );
  const concrete = apiPath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = `${origin}${concrete}${init.query ? `?${init.query}` : ""}`;
  const headers = new Headers({
    host: new URL(origin).host,
    ...(session.cookie ? { cookie: session.cookie } : {}),
    ...init.headers,
  });
  const request = new Request(url, { method: method.toUpperCase(), headers, body: init.body });
  const routeParams = Object.fromEntries(parameterNames(apiPath).map((name) => [name, params[name] ?? ""]));
  return handler(request, { params: Promise.resolve(routeParams) });
}

/** `call` with a JSON body (when given) and a query written as "" or "?name=value". */
export function callRoute(
  method: string,
  apiPath: string,
  params: Record<string, string>,
  query = "",
  body?: unknown,
): Promise<Response> {
  const json =
    body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  return call(method, apiPath, { params, query: query.replace(/^\?/, ""), ...json });
}
