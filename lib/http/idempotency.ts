import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { DomainError, validationError } from "./errors";
import { problemResponse } from "./problem";

type Request = { actorId: string; key: string; method: string; path: string; bodyText: string; forReplay?: (body: unknown) => unknown };

/**
 * A POST carrying an Idempotency-Key runs once per staff member and key: the key is reserved
 * before the work, a success is stored and replayed for repeats, and anything else frees the
 * key again so that a corrected request can reuse it. Kept in PostgreSQL so every app process
 * agrees.
 */
export async function withIdempotency(request: Request, execute: () => Promise<Response>): Promise<Response> {
  if (request.key.length > 200) throw validationError([{ path: "Idempotency-Key", message: "At most 200 characters" }]);
  const prisma = db();
  const requestHash = createHash("sha256").update(`${request.method} ${request.path}\n${request.bodyText}`).digest("hex");
  const where = { actorId_key: { actorId: request.actorId, key: request.key } };
  const reserved = await prisma.idempotencyRecord.createMany({
    data: [{ actorId: request.actorId, key: request.key, method: request.method, path: request.path, requestHash }],
    skipDuplicates: true,
  });
  if (reserved.count === 0) {
    const first = await prisma.idempotencyRecord.findUnique({ where });
    if (!first || first.requestHash !== requestHash) {
      return problemResponse(new DomainError("IDEMPOTENCY_KEY_REUSED", 422, "This Idempotency-Key was used for a different request."));
    }
    if (first.status === null) {
      return problemResponse(new DomainError("IDEMPOTENCY_IN_PROGRESS", 409, "The first request with this Idempotency-Key is still running."));
    }
    return Response.json(first.responseBody, { status: first.status, headers: { "idempotent-replayed": "true" } });
  }
  const response = await execute().catch(async (error: unknown) => {
    await prisma.idempotencyRecord.delete({ where });
    throw error;
  });
  if (response.status >= 200 && response.status < 300) {
    const answer = await response.clone().json();
    const responseBody = (request.forReplay ? request.forReplay(answer) : answer) as typeof answer;
    await prisma.idempotencyRecord.update({ where, data: { status: response.status, responseBody } });
  } else {
    await prisma.idempotencyRecord.delete({ where });
  }
  return response;
}
