import { DomainError } from "@/lib/domain/errors";
import { unsupportedMediaType } from "./errors";

const stateChanging = new Set(["POST", "PATCH", "PUT", "DELETE"]);

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The origins a browser page of this app is served from: the request's own (the scheme it came
 * in on, as the TLS-ending proxy reports it, and its Host header) and NEXTAUTH_URL's.
 */
function ownOrigins(request: Request): string[] {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const schemes = new Set([url.protocol.replace(":", ""), ...(forwarded ? [forwarded] : [])]);
  const own = [...schemes].map((scheme) => originOf(`${scheme}://${host}`));
  return [...own, originOf(process.env.NEXTAUTH_URL)].filter((o): o is string => o !== null);
}

/**
 * Refuses (403 FORBIDDEN) a state-changing request (POST, PATCH, PUT, DELETE) whose Origin
 * header names another origin, or whose Sec-Fetch-Site says a browser sent it from another site:
 * a page elsewhere cannot make a signed-in browser change data. Browsers send Origin on every
 * such request; a request without either header (curl, another system) is not a browser's and
 * passes. An opaque origin ("null") is another origin.
 */
export function requireOwnOrigin(request: Request): void {
  if (!stateChanging.has(request.method.toUpperCase())) return;
  const sent = request.headers.get("origin");
  const crossSite = request.headers.get("sec-fetch-site") === "cross-site";
  if (sent === null && !crossSite) return;
  if (crossSite || !ownOrigins(request).includes(sent!)) {
    throw new DomainError(
      "forbidden",
      "FORBIDDEN",
      "This change was sent from another site's page, so it was refused.",
    );
  }
}

/** True for `application/json` with any parameters (charset), in any letter case. */
function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Refuses (415) a body that is not declared JSON on an endpoint that takes JSON, so a form or a
 * text/plain "simple request" from another page is never read as a command.
 */
export function requireJsonBody(request: Request): void {
  if (!isJson(request.headers.get("content-type"))) {
    throw unsupportedMediaType();
  }
}
