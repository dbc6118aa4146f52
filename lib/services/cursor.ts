import type { z } from "zod";
import { validationError } from "@/lib/domain/errors";

// Keyset pagination: the cursor is the sort key of the last item, opaque to clients.
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

const notACursor = () => validationError([{ path: "cursor", message: "Not a cursor this list returned" }]);

/**
 * The sort key a cursor holds, checked against the list's own key shape (`shape`: a zod object of
 * the key's fields, e.g. `{ id: uuid }`), so that nothing made up reaches a query.
 * Throws `invalid` VALIDATION at path `cursor` for anything this list did not return: not base64url
 * JSON, not an object, or a field missing or of the wrong form.
 */
export function decodeCursor<S extends z.ZodType<Record<string, unknown>>>(cursor: string, shape: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw notACursor();
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw notACursor();
  return parsed.data;
}
