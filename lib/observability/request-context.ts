// What the API knows about the request it is answering, for the code that writes its log line and
// its problem bodies: the request id, and once known the staff member and an unexpected error.
// Held in AsyncLocalStorage so that problem+json written deep inside (idempotency, a service's
// refusal) carries the same id without every caller passing it along.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  requestId: string;
  /** The signed-in staff member's id, once the request has been authorised. */
  staffId?: string;
  /** An error no handler expected (answered 500), kept for the request's log line. */
  unexpected?: unknown;
};

const storage = new AsyncLocalStorage<RequestContext>();

// A proxy's or client's id is taken only when it cannot smuggle anything into a log line or a
// header: a short token of letters, digits, dot, underscore and hyphen.
const safeRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/** A new request id: a random UUID. */
export const newRequestId = (): string => globalThis.crypto.randomUUID();

/** The request's `X-Request-Id` when it is a safe token (1-64 of `A-Za-z0-9._-`), else a new UUID. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming !== null && safeRequestId.test(incoming) ? incoming : newRequestId();
}

/** Runs `work` as the answer to the request with this context. */
export function withRequestContext<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/** The context of the request being answered, or undefined outside one (scripts, proxy.ts). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Names the signed-in staff member on the request's log line; outside a request, nothing. */
export function noteStaff(staffId: string): void {
  const context = storage.getStore();
  if (context) context.staffId = staffId;
}
