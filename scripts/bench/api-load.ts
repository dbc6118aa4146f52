// The two load generators of `npm run bench:api`: autocannon against the HTTP API, and the same
// rows fetched through `pg` directly at the same concurrency for the same time (the floor).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Pool } from "pg";

/** What one HTTP target sends: a fixed request, or a fresh body per request (bookings, records). */
export type HttpRequest = {
  method: "GET" | "POST";
  path: string;
  /** For writes: the next request's path and JSON body; null when the prepared rows ran out. */
  next?: () => { path: string; body: unknown } | null;
};

export type HttpResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx, by status ("409": 3), plus socket errors and timeouts as "error". */
  failures: Record<string, number>;
};

export type SqlResult = { qps: number; p50: number };

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
  duration: number;
};
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * Drives `request` at `baseUrl` with `connections` connections for `seconds`, sending `cookie`.
 * Returns requests per second (completed, over the run), p50 and p99 latency in ms, and the
 * failures by status. Requests whose `next` ran out are sent again and counted as failures.
 */
export async function runHttp(
  baseUrl: string,
  request: HttpRequest,
  options: { cookie: string; seconds: number; connections: number },
): Promise<HttpResult> {
  const headers: Record<string, string> = { cookie: options.cookie, accept: "application/json" };
  const setup = request.next;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: setup ? { ...headers, "content-type": "application/json" } : headers,
        ...(setup
          ? {
              setupRequest: (req: Record<string, unknown>) => {
                const next = setup();
                return next ? { ...req, path: next.path, body: JSON.stringify(next.body) } : req;
              },
            }
          : {}),
      },
    ],
  });
  const failures: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith("2") && count > 0) failures[status] = count;
  }
  if (result.errors + result.timeouts > 0) failures.error = result.errors + result.timeouts;
  const total = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + s.count, 0);
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: total,
    failures,
  };
}

/** A read's floor: `sql` with `params` (a fresh set per query when a function). */
export type Floor = { sql: string; params: unknown[] | (() => unknown[]) };

/**
 * Runs `floor` on `concurrency` connections in a loop for `seconds`: queries per second and the
 * median latency in ms. One statement per round trip, prepared once per connection (a floor:
 * the least the database itself needs for these rows).
 */
export async function runSql(
  url: string,
  floor: Floor,
  options: { seconds: number; concurrency: number },
): Promise<SqlResult> {
  const pool = new Pool({ connectionString: url, max: options.concurrency });
  pool.on("error", () => undefined);
  const params = () => (typeof floor.params === "function" ? floor.params() : floor.params);
  const name = `floor-${createHash("sha1").update(floor.sql).digest("hex").slice(0, 16)}`;
  const times: number[] = [];
  try {
    await pool.query(floor.sql, params()); // warm: plan cached, pages in memory
    const end = Date.now() + options.seconds * 1000;
    const worker = async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < end) {
          const t = process.hrtime.bigint();
          await client.query({ name, text: floor.sql, values: params() });
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      } finally {
        client.release();
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const elapsed = (Date.now() - started) / 1000;
    times.sort((a, b) => a - b);
    return { qps: times.length / elapsed, p50: times[Math.floor(times.length / 2)] ?? NaN };
  } finally {
    await pool.end();
  }
}
