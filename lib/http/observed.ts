// Every API answer observed once, around lib/http/handler.ts: a request id for it (also in its
// problem bodies, through the request's context), one JSON log line and the request metrics.
// The line has ids, the route's template, the status and the duration only, never the concrete
// URL, its query or a body: those can name a patient.
import { logger } from "@/lib/observability/log";
import { observeRequest } from "@/lib/observability/metrics";
import { requestIdOf, withRequestContext, type RequestContext } from "@/lib/observability/request-context";
import type { Endpoint } from "./endpoints";

/** An unexpected error's class and stack frames; not its message, which may quote patient data. */
function describeError(error: unknown): { type: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  // A library's error code (Prisma's P1001, a Node errno) says what failed and carries no data.
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === "string" && /^[A-Z0-9_]{1,32}$/.test(code) ? { code } : {}),
    stack: frames?.map((line) => line.trim()).join("\n"),
  };
}

/** `response` with `X-Request-Id` set; a copy when its headers are immutable (Response.redirect). */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set("x-request-id", requestId);
    return copy;
  }
}

/**
 * Runs `answer` in a fresh request context (id from a safe incoming `X-Request-Id`, else new),
 * returns its response with `X-Request-Id`, and writes one log line `{ requestId, route:
 * "GET /api/v1/patients/{id}", status, durationMs, staffId? }` (level error with `err: { type,
 * stack }` for an unexpected error, else info) and the route's latency and count metrics.
 */
export async function observed(
  endpoint: Pick<Endpoint, "method" | "path">,
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const context: RequestContext = { requestId: requestIdOf(request) };
  const response = withRequestId(await withRequestContext(context, answer), context.requestId);
  const elapsedMs = performance.now() - started;
  const method = endpoint.method.toUpperCase();
  observeRequest(method, endpoint.path, response.status, elapsedMs / 1000);
  const line = {
    requestId: context.requestId,
    route: `${method} ${endpoint.path}`,
    status: response.status,
    durationMs: Math.round(elapsedMs * 10) / 10,
    staffId: context.staffId,
  };
  if (!("unexpected" in context)) logger().info(line, "request");
  else logger().error({ ...line, err: describeError(context.unexpected) }, "request failed");
  return response;
}

// next-auth's actions are a fixed set: the log line and the metrics name the action (a failed
// sign-in is `POST /api/auth/callback` 401), never the rest of the path.
const actions = new Set([
  "session",
  "csrf",
  "providers",
  "signin",
  "signout",
  "callback",
  "verify-request",
  "error",
  "_log",
]);

/** `/api/auth/<action>` for a known next-auth action, else `/api/auth/{action}`. */
export function authRouteOf(url: string): string {
  const action = new URL(url).pathname.split("/")[3] ?? "";
  return `/api/auth/${actions.has(action) ? action : "{action}"}`;
}
