// Errors only the HTTP edge raises, about the request as a request rather than about the clinic:
// lib/http/problem.ts gives each kind its status beside the domain's kinds (lib/domain/errors.ts).

export const edgeErrorKinds = [
  "payload_too_large",
  "unsupported_media_type",
  "too_many_requests",
  "unavailable",
  "internal",
] as const;
export type EdgeErrorKind = (typeof edgeErrorKinds)[number];

export class EdgeError extends Error {
  constructor(
    readonly kind: EdgeErrorKind,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "EdgeError";
  }
}

export const payloadTooLarge = (limit: number) =>
  new EdgeError("payload_too_large", "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`);
export const unsupportedMediaType = () =>
  new EdgeError("unsupported_media_type", "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
/** A rate limit is reached (the patient's page): try again after `retryAfterSeconds` (also the Retry-After header). */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new EdgeError("too_many_requests", "TOO_MANY_REQUESTS", "Too many requests. Please wait a little and try again.", {
    retryAfterSeconds,
  });
/** A service the app needs (`code` names it, e.g. DATABASE_UNAVAILABLE) does not answer. */
export const unavailable = (code: string, message: string) => new EdgeError("unavailable", code, message);
export const internalError = () => new EdgeError("internal", "INTERNAL", "Something went wrong on our side.");
