import { validationError } from "@/lib/http/errors";

// Keyset pagination: the cursor is the sort key of the last item, opaque to clients.
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<K extends string>(cursor: string, keys: K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    if (keys.every((key) => typeof value[key] === "string")) return value as Record<K, string>;
  } catch {
    // falls through to the validation error
  }
  throw validationError([{ path: "cursor", message: "Not a cursor this list returned" }]);
}
