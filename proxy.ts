import { NextResponse, type NextRequest } from "next/server";
import { idleLimitMs, sessionIsLive } from "@/lib/auth/lifetime";
import { secureCookies, sessionCookieName } from "@/lib/auth/cookies";
import { encodeSession, readSessionToken } from "@/lib/auth/session-token";
import { validationError } from "@/lib/domain/errors";
import { problemResponse } from "@/lib/http/problem";
import { logger } from "@/lib/observability/log";
import { requestIdOf, withRequestContext } from "@/lib/observability/request-context";
import { apiPolicy, commonHeaders, newNonce, pagePolicy } from "@/lib/http/security-headers";

// next-auth's own endpoints and the health check need no session handling, only the headers.
const withoutSession = ["/api/auth/", "/api/health"];

/** Served over https: directly, or behind a proxy that ended TLS, or configured so. */
function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return request.nextUrl.protocol === "https:" || forwarded === "https" || secureCookies;
}

/** Whether the path is valid percent-encoded UTF-8 ("%ZZ", a lone "%" or half a character are not). */
function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The patient's own page and its calendar feed: opened by a secret link, without a staff session. */
const isPatientPage = (path: string) => path.startsWith("/portal/");

function withHeaders(response: NextResponse, policy: string, https: boolean, path = ""): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(commonHeaders(https))) response.headers.set(name, value);
  if (isPatientPage(path)) {
    // The token is the page's address: it must never leave for another site in a Referer
    // header, nor be indexed. "same-origin" rather than "no-referrer": under no-referrer a
    // browser posts the page's own form with "Origin: null", which the own-origin check refuses.
    response.headers.set("Referrer-Policy", "same-origin");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

// Sets the security headers on every page and API answer, with a fresh script nonce for each
// page (Next.js reads it from the request's policy and puts it on its scripts). Slides the idle
// limit: each request with a live session renews its cookie for another 15 minutes. Sending
// staff to /login is a convenience only; every handler and page checks the session and the
// policy itself.
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const https = isHttps(request);
  // The calendar feed is data, not a page: nothing in it may load or run anything.
  const isPage =
    !path.startsWith("/api/") && !path.startsWith("/fhir/") && !(isPatientPage(path) && path.endsWith(".ics"));
  const nonce = isPage ? newNonce() : null;
  const policy = nonce ? pagePolicy(nonce, { https, development: process.env.NODE_ENV === "development" }) : apiPolicy;
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("Content-Security-Policy", policy);
  const next = () => withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy, https, path);
  // Next.js's router fails on such a path's dynamic segments with a bare 500 and no headers: the
  // path names nothing, so it is refused here, before routing.
  if (!isDecodable(path)) {
    const requestId = requestIdOf(request);
    const refusal = isPage
      ? new Response("Bad request: the address is not valid.", {
          status: 400,
          headers: { "content-type": "text/plain; charset=utf-8", "x-request-id": requestId },
        })
      : await withRequestContext({ requestId }, async () =>
          problemResponse(validationError([{ path: "path", message: "Not valid percent-encoded UTF-8" }])),
        );
    // The path is not logged: it may carry anything a client typed.
    logger().info({ requestId, route: "undecodable path", status: 400 }, "request");
    return withHeaders(new NextResponse(refusal.body, refusal), policy, https);
  }
  // The patient's page has no staff session: it neither needs one nor renews one.
  if (withoutSession.some((prefix) => path.startsWith(prefix)) || isPatientPage(path)) return next();

  const secret = process.env.NEXTAUTH_SECRET;
  const token = await readSessionToken(request.cookies.get(sessionCookieName)?.value, secret);
  const now = Date.now();
  const live = token !== null && sessionIsLive(token as { signedInAt?: number; lastSeenAt?: number }, now);
  // Reached without a session: signing in, the set-password links handed to new staff, the
  // patient's own page (its link is its authority) and the app's icon (the sign-in page shows it too).
  const isPublicPage =
    path === "/login" || path === "/icon.svg" || path.startsWith("/set-password/") || path.startsWith("/portal/");

  if (!live && isPage && !isPublicPage) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("next", path);
    return withHeaders(NextResponse.redirect(login), policy, https);
  }
  const response = next();
  // Renewed at most once a minute: fewer cookies in flight, the same 15-minute limit.
  const lastSeenAt = Number((token as { lastSeenAt?: number } | null)?.lastSeenAt ?? 0);
  if (live && secret && now - lastSeenAt > 60_000) {
    const renewed = await encodeSession({ token: { ...token, lastSeenAt: now }, secret, maxAge: idleLimitMs / 1000 });
    response.cookies.set(sessionCookieName, renewed, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies,
      maxAge: idleLimitMs / 1000,
    });
  }
  return response;
}

export const config = {
  // Everything but the build's static files (next.config.ts gives those their headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
