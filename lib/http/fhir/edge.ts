// The FHIR interface's HTTP edge (/fhir/R4): answers in application/fhir+json, errors as
// OperationOutcome with the status the rest of the API gives the same error, every answer
// observed (request id, one log line, metrics) as the /api/v1 handlers' are.
import type { Resource } from "@medplum/fhirtypes";
import { operationOutcome } from "@/lib/fhir/operation-outcome";
import { httpOfKind, answerableError } from "../problem";
import type { Method } from "../endpoints";
import { observed } from "../observed";

export const fhirContentType = "application/fhir+json; charset=utf-8";

/** `resource` as a FHIR JSON answer. */
export function fhirResponse(resource: Resource, status = 200): Response {
  return new Response(JSON.stringify(resource), { status, headers: { "content-type": fhirContentType } });
}

/** Anything thrown while answering, as an OperationOutcome with its kind's status (400, 401, 403, 404, 500, 503). */
export function fhirErrorResponse(error: unknown, where: string): Response {
  const answer = answerableError(error, where);
  const errors = (answer.extra as { errors?: { path: string; message: string }[] }).errors;
  const response = fhirResponse(
    operationOutcome({ kind: answer.kind, code: answer.code, message: answer.message, errors }),
    httpOfKind[answer.kind].status,
  );
  if (answer.kind === "unavailable") response.headers.set("retry-after", "5");
  return response;
}

/**
 * A GET route of the FHIR interface at `path` (its template, e.g. "/fhir/R4/{type}/{id}", which
 * the log line and metrics name): runs `answer` with the route's params and maps what it throws.
 */
export function fhirRoute<Params extends Record<string, string | string[]>>(
  path: string,
  answer: (request: Request, params: Params) => Promise<Resource>,
) {
  const where = `GET ${path}`;
  return (request: Request, context: { params: Promise<Params> }) =>
    observed({ method: "get", path }, request, async () => {
      try {
        return fhirResponse(await answer(request, await context.params));
      } catch (error) {
        return fhirErrorResponse(error, where);
      }
    });
}

/**
 * The answer to any method but GET at a FHIR route (`path`, its template, as fhirRoute's): 405
 * OperationOutcome with `Allow: GET`. The interface is read-only.
 */
export function fhirMethodNotAllowed(path: string, method: Exclude<Method, "get">) {
  return (request: Request) =>
    observed({ method, path }, request, async () => {
      const response = fhirResponse(
        operationOutcome({
          kind: "method_not_allowed",
          code: "METHOD_NOT_ALLOWED",
          message: "This FHIR interface is read-only: only GET is served.",
        }),
        405,
      );
      response.headers.set("allow", "GET");
      return response;
    });
}

/** The route's handlers for every method but GET (fhirMethodNotAllowed). */
export const readOnly = (path: string) => ({
  POST: fhirMethodNotAllowed(path, "post"),
  PUT: fhirMethodNotAllowed(path, "put"),
  PATCH: fhirMethodNotAllowed(path, "patch"),
  DELETE: fhirMethodNotAllowed(path, "delete"),
});

/** The interface's base URL as the client reached it, e.g. "https://clinic.example/fhir/R4". */
export const fhirBase = (request: Request): string => `${new URL(request.url).origin}/fhir/R4`;
