import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { sessionIsLive } from "./lifetime";
import { isAllowed, isRole, type Action, type Role } from "./policy";
import { db } from "@/lib/db/client";
import { forbidden, unauthenticated } from "@/lib/domain/errors";

export type Actor = { id: string; name: string; role: Role };

type SessionClaims = { staffId?: unknown; sessionId?: unknown; signedInAt?: unknown; lastSeenAt?: unknown };

/** The signed-in staff member, or null: the session must be live, not signed out, and the account active. */
export async function currentActor(now = Date.now()): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!session || typeof session.staffId !== "string" || typeof session.sessionId !== "string") return null;
  const times = { signedInAt: Number(session.signedInAt), lastSeenAt: Number(session.lastSeenAt) };
  if (!sessionIsLive(times, now)) return null;
  const row = await db().staffSession.findUnique({
    where: { id: session.sessionId },
    select: { endedAt: true, staff: { select: { id: true, name: true, role: true, active: true } } },
  });
  const staff = row?.staff;
  if (!row || row.endedAt || !staff || staff.id !== session.staffId || !staff.active || !isRole(staff.role))
    return null;
  return { id: staff.id, name: staff.name, role: staff.role };
}

/** Throws `unauthenticated` without a live session and `forbidden` when the policy denies the action. */
export async function requireActor(action: Action): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  if (!isAllowed(actor.role, action)) throw forbidden();
  return actor;
}
