// The browser's way to the API: JSON in and out, problem+json turned into an ApiError.
export type Problem = {
  status: number;
  code: string;
  detail: string;
  /** For a 422: the rule's text from the catalogue. */
  rule?: string;
  errors?: { path: string; message: string }[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(data ?? { status: response.status, code: "UNKNOWN", detail: response.statusText });
  }
  return data as T;
}

/**
 * Every item of a paged list ({items, nextCursor}): follows the cursors from the first page to
 * the last, so a page that shows a list shows all of it. Errors as `api`.
 */
export async function apiAll<T>(path: string): Promise<{ items: T[] }> {
  const items: T[] = [];
  const separator = path.includes("?") ? "&" : "?";
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await api(
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items };
}
