import { ZodError } from "zod";
import { DomainError, validationError } from "./errors";
import { databaseErrorToDomain } from "@/lib/db/errors";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse(error: DomainError): Response {
  const body = {
    type: `about:blank#${error.code}`,
    title: titles[error.status] ?? "Error",
    status: error.status,
    detail: error.message,
    code: error.code,
    ...error.extra,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/problem+json" },
  });
}

export function zodToValidationError(error: ZodError): DomainError {
  return validationError(
    error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

/** Maps anything thrown by a handler to problem+json; the unknown becomes a 500 without details. */
export function errorToResponse(error: unknown, where: string): Response {
  if (error instanceof DomainError) return problemResponse(error);
  if (error instanceof ZodError) return problemResponse(zodToValidationError(error));
  const fromDatabase = databaseErrorToDomain(error);
  if (fromDatabase) return problemResponse(fromDatabase);
  // Logs carry no patient data: the error's kind only, never its message or the request.
  const kind = error instanceof Error ? error.name : typeof error;
  console.error(`[api] unhandled error in ${where}: ${kind}`);
  return problemResponse(new DomainError("INTERNAL", 500, "Something went wrong on our side."));
}
