import { conflict, notFoundBecause, type DomainError } from "@/lib/domain/errors";

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
      return notFoundBecause("The record was not found.");
    case "P2002":
      return conflict("CONFLICT", "A record with the same unique value already exists.");
    case "P2003":
      return notFoundBecause("A record this refers to was not found.");
    default:
      return null;
  }
}

function sqlState(error: unknown): string | undefined {
  if (!isKnownRequestError(error)) return undefined;
  const cause = (error.meta?.driverAdapterError as { cause?: { code?: string; originalCode?: string } } | undefined)
    ?.cause;
  return cause?.originalCode ?? cause?.code;
}

// The driver adapter's kinds for a database that cannot be reached or dropped the connection,
// and PostgreSQL's own "shutting down / starting up / too many connections" states.
const unreachableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
const unavailableStates = new Set(["57P01", "57P02", "57P03", "53300"]);

/** PostgreSQL is not answering (down, restarting, out of connections): not a fault of the request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!isKnownRequestError(error)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return (
    ["P1001", "P1002", "P1017"].includes(error.code) ||
    unreachableKinds.has(cause?.kind ?? "") ||
    unavailableStates.has(sqlState(error) ?? "")
  );
}

/** A unique constraint refused the write (Prisma P2002). */
export const isUniqueViolation = (error: unknown): boolean => isKnownRequestError(error) && error.code === "P2002";

/** The database refused an overlapping booking (exclusion constraint, SQLSTATE 23P01). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

/** A lock was not granted within the transaction's `lock_timeout` (SQLSTATE 55P03). */
export function isLockTimeout(error: unknown): boolean {
  return sqlState(error) === "55P03";
}

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock victim (40P01) or could not
 * serialise it (40001). Two bookings inserted at once for the same slot can each wait for the
 * other under an exclusion constraint; the retry then meets the committed booking and is told
 * SC-1 plainly.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || (state !== "40P01" && state !== "40001")) throw error;
      // Full jitter over a doubling window (up to 20, 40, 80, 160, 320 ms), so that many
      // simultaneous victims do not meet again in the same order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** (attempt - 1)));
    }
  }
}
