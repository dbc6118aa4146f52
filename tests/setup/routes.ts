// Calling the app's own route handlers and server pages in vitest, signed in as a test actor.
// Only the session is stood in for: a test file mocks next-auth's getServerSession to answer
// `session.current` (see `mockSession`), and `signIn` writes the real staff_session row that
// lib/auth/actor.ts checks. Everything behind it (policy, services, database) is the app's own.
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";

export const session: { current: Record<string, unknown> | null } = { current: null };

/** Signs the actor in for the calls that follow: a live session of its own. */
export async function signIn(prisma: Db, actor: Actor): Promise<void> {
  const row = await prisma.staffSession.create({ data: { staffId: actor.id } });
  session.current = { staffId: actor.id, sessionId: row.id, signedInAt: Date.now(), lastSeenAt: Date.now() };
}

type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT", (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>>;

/** The route file that serves an OpenAPI path: /api/v1/cases/{id} -> app/api/v1/cases/[id]/route.ts. */
export function routeFile(openApiPath: string): string {
  return path.resolve(import.meta.dirname, "../..", `app${openApiPath.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
}

/** Calls the handler of `method` for an OpenAPI path, with the path's parameters filled in. */
export async function callRoute(method: "get" | "post", openApiPath: string, params: Record<string, string>, query = "", body?: unknown): Promise<Response> {
  const route = (await import(/* @vite-ignore */ routeFile(openApiPath))) as RouteModule;
  const handler = route[method.toUpperCase() as "GET" | "POST"];
  if (!handler) throw new Error(`${routeFile(openApiPath)} has no ${method.toUpperCase()}`);
  const url = `http://localhost${openApiPath.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!)}${query}`;
  const request = new Request(url, body === undefined ? { method: method.toUpperCase() } : { method: method.toUpperCase(), body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  return handler(request, { params: Promise.resolve(params) });
}
