import type { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { validationError } from "@/lib/domain/errors";
import { payloadTooLarge } from "./errors";
import type { Endpoint } from "./endpoints";
import { errorToResponse, zodToValidationError } from "./problem";
import { observed } from "./observed";
import { withIdempotency } from "./idempotency";
import { requireJsonBody, requireOwnOrigin } from "./own-origin";
import { assertDeclaredResponse, checksResponses } from "./response-contract";

export const maxBodyBytes = 100 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

type HandlerContext<E extends Endpoint> = {
  actor: E["action"] extends null ? null : Actor;
  params: Infer<E["params"]>;
  query: Infer<E["query"]>;
  body: Infer<E["body"]>;
  request: Request;
};

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodToValidationError(result.error);
  return result.data;
}

/** The body of `request` as JSON (`value` undefined when empty); 413 over maxBodyBytes, 400 when it is not JSON. */
export async function readJson(request: Request): Promise<{ text: string; value: unknown }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
  try {
    return { text, value: text === "" ? undefined : JSON.parse(text) };
  } catch {
    throw validationError([{ path: "", message: "The body is not valid JSON" }]);
  }
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

/**
 * The one shape of every route handler: refuse another origin's state change (403) and a body
 * that is not JSON (415), authorise (401/403), parse params, query and body (400 with field
 * paths), honour Idempotency-Key on POST, run, and map any error to problem+json. Outside
 * production a JSON answer must match the endpoint's declared response schema, undeclared fields
 * included (lib/http/response-contract.ts): one that does not is a 500, so a test fails. Every
 * answer has an X-Request-Id and is logged and counted (lib/http/observed.ts).
 */
export function handle<const E extends Endpoint>(endpoint: E, run: (context: HandlerContext<E>) => Promise<unknown>) {
  const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  const answer = async (request: Request, routeContext?: RouteContext): Promise<Response> => {
    try {
      requireOwnOrigin(request);
      if (endpoint.body) requireJsonBody(request);
      const actor = endpoint.action ? await requireActor(endpoint.action, request) : null;
      const params = endpoint.params ? parse(endpoint.params, await routeContext?.params) : undefined;
      const query = endpoint.query
        ? parse(endpoint.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const raw = endpoint.body ? await readJson(request) : { text: "", value: undefined };
      const body = endpoint.body ? parse(endpoint.body, raw.value) : undefined;
      const context = { actor, params, query, body, request } as HandlerContext<E>;
      const execute = async () => {
        try {
          const result = await run(context);
          if (result instanceof Response) return result;
          if (endpoint.response && checksResponses()) assertDeclaredResponse(where, endpoint.response, result);
          return json(result, endpoint.status ?? 200);
        } catch (error) {
          return errorToResponse(error, where);
        }
      };
      const key = request.headers.get("idempotency-key");
      if (endpoint.method === "post" && key && actor) {
        return await withIdempotency(
          {
            actorId: actor.id,
            key,
            method: "POST",
            path: new URL(request.url).pathname,
            bodyText: raw.text,
            forReplay: endpoint.forReplay,
          },
          execute,
        );
      }
      return await execute();
    } catch (error) {
      return errorToResponse(error, where);
    }
  };
  return (request: Request, routeContext?: RouteContext) =>
    observed(endpoint, request, () => answer(request, routeContext));
}
