import { DomainError } from "@/lib/domain/errors";
import { httpStatusOf } from "@/lib/http/problem";

/**
 * A service's error as the API answers it: its kind, code, message and extra, plus the HTTP
 * status the edge's one mapper (lib/http/problem.ts) gives its kind. Anything that is not a
 * domain error is returned as it is, so an assertion on it fails as it would have.
 */
export function answered(error: unknown) {
  if (!(error instanceof DomainError)) return error;
  const { kind, code, message, extra } = error;
  return { kind, code, message, extra, status: httpStatusOf(error) };
}

/** `promise`, whose rejection is seen as the API answers it (see `answered`). */
export const asAnswered = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error: unknown) => {
    throw answered(error);
  });
