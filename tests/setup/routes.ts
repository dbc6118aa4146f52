// Calls the app's own route handlers in this process, as Next.js would, for tests of the HTTP
// edge (origin checks, content types, status codes of bad input). The session is the one thing
// stood in for: next-auth reads it through Next's request context, which only exists inside a
// Next server, so `getServerSession` answers the claims set with `signInAs`. Everything after it
// is real: the session row, the staff account, the policy, the services and the database.
// Import this module first in a test file: the stand-in must be in place before next-auth loads.
import path from "node:path";
import { vi } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

const session = vi.hoisted(() => ({ claims: null as Record<string, unknown> | null }));

vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session.claims,
}));

/** Makes the following requests carry a live session of `actor` (a real staff_session row). */
export async function signInAs(prisma: Db, actor: Actor | null): Promise<void> {
  if (!actor) {
    session.claims = null;
    return;
  }
  const row = await prisma.staffSession.create({ data: { staffId: actor.id } });
  const now = Date.now();
  session.claims = { staffId: actor.id, sessionId: row.id, signedInAt: now, lastSeenAt: now, role: actor.role };
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
  const headers = new Headers({ host: new URL(origin).host, ...init.headers });
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
