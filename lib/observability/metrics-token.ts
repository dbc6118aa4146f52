import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether the request carries `Authorization: Bearer <METRICS_TOKEN>`. Never while METRICS_TOKEN
 * is unset or empty. Compared in constant time (over SHA-256 digests, so that the token's length
 * does not show either).
 */
export function carriesMetricsToken(request: Request): boolean {
  const token = process.env.METRICS_TOKEN;
  const offered = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (!token || !offered) return false;
  return timingSafeEqual(digest(offered), digest(token));
}
