import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { sessionIsLive } from "./lifetime";
import { isAllowed, isRole, type Action, type Role } from "./policy";
import { db } from "@/lib/db/client";
import { forbidden, unauthenticated } from "@/lib/http/errors";

export type Actor = { id: string; name: string; role: Role };

type SessionClaims = { staffId?: unknown; signedInAt?: unknown; lastSeenAt?: unknown };

/** The signed-in staff member, or null: the session must be live and the account still active. */
export async function currentActor(now = Date.now()): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!session || typeof session.staffId !== "string") return null;
  const times = { signedInAt: Number(session.signedInAt), lastSeenAt: Number(session.lastSeenAt) };
  if (!sessionIsLive(times, now)) return null;
  const staff = await db().staff.findUnique({
    where: { id: session.staffId },
    select: { id: true, name: true, role: true, active: true },
  });
  if (!staff || !staff.active || !isRole(staff.role)) return null;
  return { id: staff.id, name: staff.name, role: staff.role };
}

/** Throws 401 without a live session and 403 when the policy denies the action. */
export async function requireActor(action: Action): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  if (!isAllowed(actor.role, action)) throw forbidden();
  return actor;
}
