// The browser's way to the API: a call names an endpoint of the catalogue (lib/http/endpoints.ts),
// whose zod schemas give the types of its path parameters, query, body and answer; JSON in and
// out, problem+json turned into an ApiError. The catalogue holds only the contract (zod schemas
// and types), so importing it here brings no server code into the browser.
import type { z } from "zod";
import type { Endpoint } from "./endpoints";

export type Problem = {
  status: number;
  code: string;
  detail: string;
  /** For a 422: the rule's text from the catalogue. */
  rule?: string;
  errors?: { path: string; message: string }[];
  /** A refused move (SC-1, SC-2): the nearest free times the appointment could take instead. */
  nearest?: { start: string; end: string }[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
  }
}

/** What a schema accepts (before defaults and transforms), or nothing when the endpoint has none. */
type Accepts<S> = S extends z.ZodType ? z.input<S> : never;

/**
 * What a call of `E` sends: its path parameters and body when it takes them (required), its query
 * (each field optional, as the schema's defaults fill them) and an Idempotency-Key.
 */
export type CallOf<E extends Endpoint> = (E["params"] extends z.ZodType
  ? { params: Accepts<E["params"]> }
  : { params?: never }) &
  (E["query"] extends z.ZodType ? { query?: QueryOf<E> } : { query?: never }) &
  (E["body"] extends z.ZodType ? { body: Accepts<E["body"]> } : { body?: never }) & { idempotencyKey?: string };

/** What `E` takes as its body. */
export type BodyOf<E extends Endpoint> = Accepts<E["body"]>;

/** What `E` takes as its query: each field optional, as the schema's defaults fill them. */
export type QueryOf<E extends Endpoint> = Partial<Accepts<E["query"]>>;

/** What `E` takes as its path parameters. */
export type ParamsOf<E extends Endpoint> = Accepts<E["params"]>;

/** A value as a form reads it (FormData.get). */
type FormValue = FormDataEntryValue | null;
type FormField<T> = T extends readonly unknown[] ? T | FormValue[] : T extends object ? FormBody<T> | T : T | FormValue;

/**
 * A body as a form reads it: exactly the body's field names (a misspelt or missing one does not
 * compile), each value as the body types it or as read from the form, which the endpoint's schema
 * then checks on the server (400 with the field's path, shown next to the form).
 */
export type FormBody<B> = { [K in keyof B]: FormField<B[K]> };

/** A form's values sent as `endpoint`'s body: typed down to the field names (see FormBody). */
export const fromForm = <E extends Endpoint>(endpoint: E, values: FormBody<BodyOf<E>>) => values as BodyOf<E>;

/** What a success of `E` answers: its response schema's value (unknown when it declares none). */
export type AnswerOf<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : unknown;

/** Any endpoint's call, as `CallOf` types it for one. */
type AnyCall = { params?: unknown; query?: unknown; body?: unknown; idempotencyKey?: string };

/** The arguments after the endpoint: the call may be left out when it has nothing required. */
export type CallArguments<E extends Endpoint> = E["params"] extends z.ZodType
  ? [call: CallOf<E>]
  : E["body"] extends z.ZodType
    ? [call: CallOf<E>]
    : [call?: CallOf<E>];

/**
 * The URL (path and query, no origin) of a call: `{name}` in the endpoint's path replaced by the
 * encoded parameter, the query's defined values appended in their order.
 */
export function urlOf(endpoint: Endpoint, call?: AnyCall): string {
  const params = (call?.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((call?.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

async function send(endpoint: Endpoint, call: AnyCall | undefined): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (call?.body !== undefined) headers["content-type"] = "application/json";
  if (call?.idempotencyKey) headers["idempotency-key"] = call.idempotencyKey;
  const response = await fetch(urlOf(endpoint, call), {
    method: endpoint.method.toUpperCase(),
    headers,
    body: call?.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(data ?? { status: response.status, code: "UNKNOWN", detail: response.statusText });
  }
  return data;
}

/**
 * Calls one endpoint: `api(endpoints.bookAppointment, { body, idempotencyKey })`. Resolves to the
 * answer typed by the endpoint's response schema; a refusal (any non-2xx) rejects with an ApiError
 * carrying the problem+json body.
 */
export async function api<E extends Endpoint>(endpoint: E, ...[call]: CallArguments<E>): Promise<AnswerOf<E>> {
  return (await send(endpoint, call)) as AnswerOf<E>;
}

/** The item of a paged list's answer ({items, nextCursor}), or never for an answer of another shape. */
type ItemOf<E extends Endpoint> = AnswerOf<E> extends { items: (infer T)[]; nextCursor: string | null } ? T : never;

/**
 * Every item of a paged list ({items, nextCursor}): follows the cursors from the first page to
 * the last, so a page that shows a list shows all of it. Errors as `api`.
 */
export async function apiAll<E extends Endpoint & { method: "get" }>(
  endpoint: E,
  ...[call]: CallArguments<E>
): Promise<{ items: ItemOf<E>[] }> {
  const items: ItemOf<E>[] = [];
  let cursor: string | null = null;
  do {
    const query = { ...call?.query, ...(cursor ? { cursor } : {}) };
    const page = (await send(endpoint, { ...call, query })) as { items: ItemOf<E>[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items };
}
