import { cookies } from "next/headers";
// The parser NextRequest.cookies uses; route handlers in tests receive a plain Request.
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { sessionCookieName } from "./cookies";
import { sessionIsLive } from "./lifetime";
import { isAllowed, isRole, type Action, type Role } from "./policy";
import { readSessionToken } from "./session-token";
import { db } from "@/lib/db/client";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import { noteStaff } from "@/lib/observability/request-context";

export type Actor = { id: string; name: string; role: Role };

const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

type StaffOfSession = { id: string; name: string; role: string; active: boolean; ended: boolean };

/** The session cookie of `request` (route handlers), or of the page being rendered (Next's request context). */
async function sessionCookie(request?: Request): Promise<string | undefined> {
  const jar = request ? new RequestCookies(request.headers) : await cookies();
  return jar.get(sessionCookieName)?.value;
}

/**
 * The signed-in staff member, or null: the session token must be genuine and live (15 minutes
 * idle, 12 hours in all), its session not signed out, and the account active. The last two are
 * read from the database on every call (one query), so signing out or deactivating an account
 * takes effect at the next request.
 */
export async function currentActor(request?: Request, now = Date.now()): Promise<Actor | null> {
  const claims = await readSessionToken(await sessionCookie(request), process.env.NEXTAUTH_SECRET);
  if (!claims || !isUuid(claims.staffId) || !isUuid(claims.sessionId)) return null;
  if (!sessionIsLive({ signedInAt: Number(claims.signedInAt), lastSeenAt: Number(claims.lastSeenAt) }, now))
    return null;
  const [staff] = await db().$queryRaw<StaffOfSession[]>`
    SELECT s.id, s.name, s.role, s.active, (ss.ended_at IS NOT NULL) AS ended
    FROM staff_session ss JOIN staff s ON s.id = ss.staff_id
    WHERE ss.id = ${claims.sessionId}::uuid AND ss.staff_id = ${claims.staffId}::uuid`;
  if (!staff || staff.ended || !staff.active || !isRole(staff.role)) return null;
  return { id: staff.id, name: staff.name, role: staff.role };
}

/** Throws `unauthenticated` without a live session and `forbidden` when the policy denies the action. */
export async function requireActor(action: Action, request?: Request): Promise<Actor> {
  const actor = await currentActor(request);
  if (!actor) throw unauthenticated();
  // Named on the request's log line before the role check: a refused attempt is attributed too.
  noteStaff(actor.id);
  if (!isAllowed(actor.role, action)) throw forbidden();
  return actor;
}
