// Errors are values of the domain: a kind that says what went wrong, a code a client can act on
// (a rule's ID such as SX-1, or NOT_FOUND, FORBIDDEN, ...) and a message for staff. No HTTP here:
// the edge (lib/http/problem.ts) alone chooses a status for each kind.

type FieldError = { path: string; message: string };

/**
 * - `invalid`: the input is not well formed (fields and what is wrong with them).
 * - `unauthenticated`: no signed-in, live staff member.
 * - `forbidden`: the staff member's role may not do this.
 * - `not_found`: something named does not exist, or not where it was looked for.
 * - `conflict`: the request meets the current state of things, e.g. a time already booked (SC-1)
 *   or a request with the same Idempotency-Key still running.
 * - `rule`: a rule refuses the request: a protocol rule (its ID is the code) or the API's own
 *   (an Idempotency-Key used for another request).
 */
export const domainErrorKinds = ["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "rule"] as const;
export type DomainErrorKind = (typeof domainErrorKinds)[number];

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** `invalid` VALIDATION, with the fields at fault (`path` is dotted, "" for the whole body). */
export const validationError = (errors: FieldError[]) =>
  new DomainError("invalid", "VALIDATION", "The request is not valid.", { errors });
export const unauthenticated = () => new DomainError("unauthenticated", "UNAUTHENTICATED", "Sign in to continue.");
export const forbidden = () => new DomainError("forbidden", "FORBIDDEN", "Your role may not do this.");
/** `not_found` NOT_FOUND: "<what> was not found.", `extra` e.g. `{ errors }` naming the field that pointed at it. */
export const notFound = (what: string, extra: Record<string, unknown> = {}) =>
  new DomainError("not_found", "NOT_FOUND", `${what} was not found.`, extra);
/** `not_found` NOT_FOUND with a message of its own, for what "<what> was not found." cannot say. */
export const notFoundBecause = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError("not_found", "NOT_FOUND", message, extra);
/** `conflict` with a code (SC-1 for a time already booked, with `conflicts` in `extra`). */
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError("conflict", code, message, extra);

/** A protocol rule refused the request: `rule` kind with the rule's ID as the code and its text in `extra.rule`. */
export const ruleViolation = (rule: string, message: string, ruleText: string) =>
  new DomainError("rule", rule, message, { rule: ruleText });
