import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { idleLimitMs, sessionIsLive } from "@/lib/auth/lifetime";
import { secureCookies, sessionCookieName } from "@/lib/auth/cookies";

// Slides the idle limit: each request with a live session renews its cookie for another
// 15 minutes. Sending staff to /login is a convenience only; every handler and page checks
// the session and the policy itself.
export async function proxy(request: NextRequest) {
  const secret = process.env.NEXTAUTH_SECRET;
  const token = secret ? await getToken({ req: request, secret, cookieName: sessionCookieName }) : null;
  const now = Date.now();
  const live = token !== null && sessionIsLive(token as { signedInAt?: number; lastSeenAt?: number }, now);
  const isPage = !request.nextUrl.pathname.startsWith("/api/");
  // Reached without a session: signing in, and the set-password links handed to new staff.
  const isPublicPage = request.nextUrl.pathname === "/login" || request.nextUrl.pathname.startsWith("/set-password/");

  if (!live && isPage && !isPublicPage) {
    const login = new URL("/login", request.url);
    if (request.nextUrl.pathname !== "/") login.searchParams.set("next", request.nextUrl.pathname);
    return NextResponse.redirect(login);
  }
  const response = NextResponse.next();
  // Renewed at most once a minute: fewer cookies in flight, the same 15-minute limit.
  const lastSeenAt = Number((token as { lastSeenAt?: number } | null)?.lastSeenAt ?? 0);
  if (live && secret && now - lastSeenAt > 60_000) {
    const renewed = await encode({ token: { ...token, lastSeenAt: now }, secret, maxAge: idleLimitMs / 1000 });
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
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|favicon.ico).*)"],
};
