// Rate limits of the patient's page (per client address and per link). The page is open to anyone
// holding a link, so it is limited: per client address, per link, and harder for addresses that
// try tokens that are no link of ours. The counters live in PostgreSQL (rate-limiter-flexible's
// RateLimiterPostgres on the table `portal_rate_limit`), so that every process of the app
// (scripts/cluster.ts) counts against the same limits; a memory-only counter would give each
// process its own allowance.
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { isPortalTokenShaped } from "@/lib/services/portal/access";
import { logger } from "@/lib/observability/log";
import { tooManyRequests } from "./errors";
import { problemResponse } from "./problem";

/** The limits: points a key may spend per `duration` seconds; `blockDuration` seconds once over. */
export const portalLimits = {
  /** Every request from one client address. */
  address: { points: 120, duration: 60 },
  /** Every request through one link, from anywhere (a leaked link cannot be hammered). */
  link: { points: 60, duration: 60 },
  /** Tokens that open nothing, from one client address: a guesser is shut out for 15 minutes. */
  unknown: { points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  /**
   * Tokens that open nothing, from all addresses together: without a proxy in front, a client can
   * claim any address (X-Forwarded-For), so guessing is bounded overall too. A holder of a real
   * link is never counted here.
   */
  unknownEverywhere: { points: 600, duration: 60 * 60 },
} as const;

type Limiters = Record<keyof typeof portalLimits, RateLimiterPostgres> & { pool: pg.Pool };

const globalForLimits = globalThis as unknown as { portalLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForLimits.portalLimiters) return globalForLimits.portalLimiters;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  // A connection that drops while idle is replaced on the next query; it must not end the process.
  pool.on("error", (error) => logger().warn({ error: error.name }, "portal rate limit connection lost"));
  const limiter = (name: keyof typeof portalLimits) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "portal_rate_limit",
      tableCreated: true,
      keyPrefix: `portal_${name}`,
      ...portalLimits[name],
    });
  globalForLimits.portalLimiters = {
    pool,
    address: limiter("address"),
    link: limiter("link"),
    unknown: limiter("unknown"),
    unknownEverywhere: limiter("unknownEverywhere"),
  };
  return globalForLimits.portalLimiters;
}

/**
 * The client's address: the last X-Forwarded-For entry, which is the one the nearest proxy wrote
 * (HAProxy's `option forwardfor`, deploy/haproxy.cfg; Next.js itself sets the socket's address
 * when the header is absent). Earlier entries are the client's own claims and are not trusted.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

/**
 * Whether `error` is the limiter's refusal (a RateLimiterRes) rather than a store failure. By its
 * shape, not `instanceof`: the production build may bundle the library once per route, and a
 * refusal from one copy is no instance of another's class (every refusal would pass as a failure).
 */
export const isRefusal = (error: unknown): error is RateLimiterRes =>
  typeof error === "object" &&
  error !== null &&
  !(error instanceof Error) &&
  typeof (error as RateLimiterRes).msBeforeNext === "number" &&
  typeof (error as RateLimiterRes).remainingPoints === "number";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

async function isLink(pool: pg.Pool, token: string): Promise<boolean> {
  if (!isPortalTokenShaped(token)) return false;
  const found = await pool.query("SELECT 1 FROM portal_link WHERE token_hash = $1", [hashOf(token)]);
  return (found.rowCount ?? 0) > 0;
}

/**
 * Counts one request with `headers` for `token` against the page's limits: null when it may go
 * on, or the seconds to wait (at least 1) when a limit is reached. A token that is no link of ours
 * also counts against the address's and everyone's guessing allowance. If the limits' store does
 * not answer, the request goes on (the page itself then reports the database's failure).
 */
export async function portalWait(headers: Headers, token: string): Promise<number | null> {
  const address = clientAddress(headers);
  try {
    const { pool, ...limit } = limiters();
    // A client shut out for guessing is refused before anything else is counted or looked up.
    const guessing = await limit.unknown.get(address);
    if (guessing && guessing.remainingPoints <= 0 && guessing.msBeforeNext > 0) throw guessing;
    await limit.address.consume(address);
    if (await isLink(pool, token)) {
      await limit.link.consume(hashOf(token).slice(0, 32));
    } else {
      await limit.unknown.consume(address);
      await limit.unknownEverywhere.consume("all");
    }
    return null;
  } catch (error) {
    if (isRefusal(error)) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    logger().warn({ error: error instanceof Error ? error.name : "unknown" }, "portal rate limit store failed");
    return null;
  }
}

/**
 * Counts `request` against the patient page's limits for `token`: null when it may go on, or a
 * 429 problem+json answer (with Retry-After, in seconds) when a limit is reached.
 */
export async function limitPortalRequest(request: Request, token: string): Promise<Response | null> {
  const wait = await portalWait(request.headers, token);
  if (wait === null) return null;
  const response = problemResponse(tooManyRequests(wait));
  response.headers.set("retry-after", String(wait));
  return response;
}
