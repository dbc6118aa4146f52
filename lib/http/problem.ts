import { ZodError } from "zod";
import { DomainError, validationError, type DomainErrorKind } from "@/lib/domain/errors";
import { databaseErrorToDomain, isDatabaseUnavailable } from "@/lib/db/errors";
import { newRequestId, requestContext } from "@/lib/observability/request-context";
import { EdgeError, internalError, unavailable, type EdgeErrorKind } from "./errors";

type ErrorKind = DomainErrorKind | EdgeErrorKind;

/**
 * The one table from an error's kind to its HTTP status and title (RFC 9110's reason phrase).
 * `satisfies` makes a kind without a status fail the type-check.
 */
export const httpOfKind = {
  invalid: { status: 400, title: "Bad Request" },
  unauthenticated: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not Found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Content Too Large" },
  unsupported_media_type: { status: 415, title: "Unsupported Media Type" },
  rule: { status: 422, title: "Unprocessable Content" },
  too_many_requests: { status: 429, title: "Too Many Requests" },
  internal: { status: 500, title: "Internal Server Error" },
  unavailable: { status: 503, title: "Service Unavailable" },
} as const satisfies Record<ErrorKind, { status: number; title: string }>;

/** The HTTP status the API answers an error of this kind with. */
export const httpStatusOf = (error: DomainError | EdgeError): number => httpOfKind[error.kind].status;

/**
 * The error as an RFC 9457 problem+json response: `{ type: "about:blank#<code>", title, status,
 * detail: message, code, requestId, ...extra }` with the kind's status. `requestId` (also in the
 * X-Request-Id header) is the answered request's, or a new one outside a request's context.
 */
export function problemResponse(error: DomainError | EdgeError): Response {
  const { status, title } = httpOfKind[error.kind];
  const requestId = requestContext()?.requestId ?? newRequestId();
  const body = {
    type: `about:blank#${error.code}`,
    title,
    status,
    detail: error.message,
    code: error.code,
    requestId,
    ...error.extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId },
  });
}

export function zodToValidationError(error: ZodError): DomainError {
  return validationError(
    error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

/**
 * Anything thrown by a handler as the error the client is told: domain and edge errors as they
 * are, zod's as `invalid` with field paths, the database's refusals as their domain errors, an
 * unreachable database as `unavailable` DATABASE_UNAVAILABLE, the unknown as `internal` without
 * details (noted for the request's log line).
 */
export function answerableError(error: unknown, where: string): DomainError | EdgeError {
  if (error instanceof DomainError || error instanceof EdgeError) return error;
  if (error instanceof ZodError) return zodToValidationError(error);
  const fromDatabase = databaseErrorToDomain(error);
  if (fromDatabase) return fromDatabase;
  // The request's log line reports it (lib/http/observed.ts); outside a request, its kind only.
  const context = requestContext();
  if (context) context.unexpected = error;
  else console.error(`[api] unhandled error in ${where}: ${error instanceof Error ? error.name : typeof error}`);
  if (isDatabaseUnavailable(error))
    return unavailable(
      "DATABASE_UNAVAILABLE",
      "The clinic's database is not answering. Check the record before trying again in a moment.",
    );
  return internalError();
}

/** Maps anything thrown by a handler to problem+json (answerableError); 503 says when to retry. */
export function errorToResponse(error: unknown, where: string): Response {
  const answer = answerableError(error, where);
  const response = problemResponse(answer);
  if (answer.kind === "unavailable" && answer.code === "DATABASE_UNAVAILABLE") response.headers.set("retry-after", "5");
  return response;
}
