// The headers every page and API answer carries (set by proxy.ts; static files get the
// constant ones from next.config.ts). Pure: no Next.js, so tests can read the policy directly.

/** For pages: scripts only with this request's nonce (Next.js puts it on its own scripts). */
export function pagePolicy(nonce: string, options: { https: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the scripts Next.js loads from a nonce'd one run too; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React writes style="…" attributes (widths of bars, hidden panels); they cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For API answers (JSON, problem+json, iCalendar): nothing in them may load or run anything. */
export const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year; only an https answer carries it (browsers ignore it over http). */
const strictTransportSecurity = "max-age=31536000";

/** The headers besides the Content-Security-Policy. */
export function commonHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Paths hold record ids: never send them to another site.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": strictTransportSecurity } : {}),
  };
}

/** A fresh nonce for one page answer: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
