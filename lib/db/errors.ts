import { DomainError } from "@/lib/http/errors";

type KnownRequestError = { name: string; code: string; meta?: Record<string, unknown> };

function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** Database refusals that are the caller's doing, as domain errors; anything else stays unknown. */
export function databaseErrorToDomain(error: unknown): DomainError | null {
  if (!isKnownRequestError(error)) return null;
  switch (error.code) {
    case "P2025":
      return new DomainError("NOT_FOUND", 404, "The record was not found.");
    case "P2002":
      return new DomainError("CONFLICT", 409, "A record with the same unique value already exists.");
    case "P2003":
      return new DomainError("NOT_FOUND", 404, "A record this refers to was not found.");
    default:
      return null;
  }
}
