// The endpoint catalogue's response schemas as a contract the server keeps: outside production,
// every JSON success is held to its endpoint's declared schema before it leaves, so a service
// whose answer drifts from the catalogue (and so from the OpenAPI document) fails a test instead
// of surprising a client. Production skips the check: it costs a parse per answer.
import type { z } from "zod";

/** An answer that broke its endpoint's declared response schema; the handler turns it into a 500. */
class ResponseContractError extends Error {
  constructor(
    readonly where: string,
    readonly problems: string[],
  ) {
    super(`${where} answered outside its declared response schema: ${problems.join("; ")}`);
    this.name = "ResponseContractError";
    // The 500 a client gets says nothing; the developer's console says what broke.
    console.error(`[api] ${this.message}`);
  }
}

/** Whether answers are checked: in development and tests, never in production. */
export const checksResponses = () => process.env.NODE_ENV !== "production";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The paths (`items.0.notes`) of the fields in `sent` that parsing with the schema dropped: the
 * catalogue's object schemas strip what they do not declare, so a key present in what is sent
 * and absent from the parsed value is a field the contract does not have. Keys the parse added
 * (defaults) and values it changed (trimming) are not the answer's fault and are not reported.
 */
function undeclaredFields(sent: unknown, parsed: unknown, at: string[] = []): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    return sent.flatMap((item, i) => undeclaredFields(item, parsed[i], [...at, String(i)]));
  }
  if (!isPlainObject(sent) || !isPlainObject(parsed)) return [];
  return Object.keys(sent).flatMap((key) =>
    key in parsed ? undeclaredFields(sent[key], parsed[key], [...at, key]) : [[...at, key].join(".")],
  );
}

/**
 * Throws a ResponseContractError when `body` (a handler's result, read as the JSON a client
 * receives) does not match `schema`, or carries a field the schema does not declare. The
 * message names field paths and schema expectations only, never values (no patient data).
 */
export function assertDeclaredResponse(where: string, schema: z.ZodType, body: unknown): void {
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const result = schema.safeParse(sent);
  if (!result.success) {
    throw new ResponseContractError(
      where,
      result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(body)"}: ${issue.message}`),
    );
  }
  const extra = undeclaredFields(sent, result.data);
  if (extra.length)
    throw new ResponseContractError(
      where,
      extra.map((path) => `${path}: not declared`),
    );
}
