// Errors are values with codes; lib/http/problem.ts is the one place that turns them into HTTP.

export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const validationError = (errors: FieldError[]) =>
  new DomainError("VALIDATION", 400, "The request is not valid.", { errors });
export const unauthenticated = () => new DomainError("UNAUTHENTICATED", 401, "Sign in to continue.");
export const forbidden = () => new DomainError("FORBIDDEN", 403, "Your role may not do this.");
export const notFound = (what: string) => new DomainError("NOT_FOUND", 404, `${what} was not found.`);
export const payloadTooLarge = (limit: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", 413, `The request body is larger than ${limit} bytes.`);

/** A protocol rule refused the request: 422 with the rule's ID as the code. */
export const ruleViolation = (rule: string, message: string, ruleText: string) =>
  new DomainError(rule, 422, message, { rule: ruleText });
