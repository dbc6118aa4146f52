import { createHash } from "node:crypto";
import { db, withinTransaction } from "@/lib/db/client";
import { isLockTimeout } from "@/lib/db/errors";
import { conflict, DomainError, validationError } from "@/lib/domain/errors";
import { problemResponse } from "./problem";

type Request = {
  actorId: string;
  key: string;
  method: string;
  path: string;
  bodyText: string;
  forReplay?: (body: unknown) => unknown;
  /** How long a repeat waits for a first request still running, in ms (default 30,000). */
  waitMs?: number;
};

/** An answer that is not stored: thrown to roll back the request's transaction, then returned. */
class Unstored {
  constructor(readonly response: Response) {}
}

// Seed of the advisory-lock hash of (staff member, key), apart from other advisory locks' keys.
const lockSeed = 9_000_009;
// How long a repeat waits for the first request before it is told that one is still running: a
// double-click or a client's quick retry waits for the first answer and gets it replayed.
const lockWaitMs = 30_000;
// A whole request runs in this transaction, service transactions included.
const requestTimeoutMs = 60_000;

/**
 * A POST carrying an Idempotency-Key runs once per staff member and key. The request runs in one
 * PostgreSQL transaction that holds an advisory lock on (staff member, key), does the work (the
 * services' own transactions become savepoints of it) and, on a 2xx answer, stores that answer:
 * the work and its stored answer commit together or not at all. A repeat gets the stored answer
 * (header `idempotent-replayed: true`); a repeat that arrives while the first request's
 * transaction is still open waits for it (up to `waitMs`) and then gets its answer, or does the
 * work itself if the first one failed; 409 IDEMPOTENCY_IN_PROGRESS only past that wait; 422 IDEMPOTENCY_KEY_REUSED when the key answered another request.
 * Any other answer is not stored and frees the key, and so does a crash: PostgreSQL rolls back
 * a dead connection's transaction and releases its lock, so a retry then does the work.
 * Throws a 400 validation error for a key over 200 characters.
 */
export async function withIdempotency(request: Request, execute: () => Promise<Response>): Promise<Response> {
  if (request.key.length > 200) throw validationError([{ path: "Idempotency-Key", message: "At most 200 characters" }]);
  const requestHash = createHash("sha256")
    .update(`${request.method} ${request.path}\n${request.bodyText}`)
    .digest("hex");
  const where = { actorId_key: { actorId: request.actorId, key: request.key } };
  try {
    return await db().$transaction(
      async (tx) => {
        // The wait also covers a first request whose process has just died: PostgreSQL ends its
        // session, and releases the lock, as soon as it sees the connection closed.
        await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${request.waitMs ?? lockWaitMs}ms`}, true)`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${request.actorId}\n${request.key}`}, ${lockSeed}))`.catch(
          (error: unknown) => {
            if (!isLockTimeout(error)) throw error;
            throw new Unstored(
              problemResponse(
                conflict("IDEMPOTENCY_IN_PROGRESS", "The first request with this Idempotency-Key is still running."),
              ),
            );
          },
        );
        await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
        const first = await tx.idempotencyRecord.findUnique({ where });
        if (first?.status != null) {
          if (first.requestHash !== requestHash) {
            return problemResponse(
              new DomainError(
                "rule",
                "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used for a different request.",
              ),
            );
          }
          return Response.json(first.responseBody, {
            status: first.status,
            headers: { "idempotent-replayed": "true" },
          });
        }
        // A reservation without an answer was left by a request that never finished (stored
        // before answers were kept with the work): nothing holds it, so it is free.
        if (first) await tx.idempotencyRecord.delete({ where });
        const response = await withinTransaction(tx, execute);
        if (response.status < 200 || response.status >= 300) throw new Unstored(response);
        const answer = await response.clone().json();
        // What a repeat gets back: the answer, less anything that must be shown only once.
        const responseBody = request.forReplay ? request.forReplay(answer) : answer;
        await tx.idempotencyRecord.create({
          data: {
            actorId: request.actorId,
            key: request.key,
            method: request.method,
            path: request.path,
            requestHash,
            status: response.status,
            responseBody,
          },
        });
        return response;
      },
      { timeout: requestTimeoutMs },
    );
  } catch (error) {
    if (error instanceof Unstored) return error.response;
    throw error;
  }
}
