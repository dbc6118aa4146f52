import { db } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "@/lib/auth/passwords";
import { lockedUntil, lockoutWindowMs, lockoutFailures } from "@/lib/auth/lifetime";
import type { Role } from "@/lib/auth/policy";

export type SignInResult =
  | { outcome: "signed_in"; sessionId: string; staff: { id: string; name: string; role: Role } }
  | { outcome: "refused" }
  | { outcome: "locked"; until: Date };

/**
 * Checks a password against the staff account. Attempts are kept per email in the database,
 * whether or not an account exists, so the answer never tells which emails are staff.
 */
export async function signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
  const prisma = db();
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, succeeded: true },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const failures = await prisma.loginAttempt.findMany({
    where: {
      email,
      succeeded: false,
      at: { gt: new Date(Math.max(now.getTime() - 2 * lockoutWindowMs, lastSuccess?.at.getTime() ?? 0)) },
    },
    orderBy: { at: "desc" },
    take: lockoutFailures,
    select: { at: true },
  });
  const until = lockedUntil(failures.map((f) => f.at), now);
  if (until) return { outcome: "locked", until };

  const staff = await prisma.staff.findUnique({ where: { email } });
  const valid = await verifyPassword(staff?.passwordHash ?? decoyHash, password);
  const succeeded = Boolean(staff && staff.active && valid);
  const sessionId = await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, succeeded, at: now } });
    if (!succeeded) return null;
    await tx.auditEvent.create({ data: { actorId: staff!.id, action: "sign_in", entity: "staff", entityId: staff!.id, at: now } });
    return (await tx.staffSession.create({ data: { staffId: staff!.id, createdAt: now } })).id;
  });
  if (!sessionId) return { outcome: "refused" };
  return { outcome: "signed_in", sessionId, staff: { id: staff!.id, name: staff!.name, role: staff!.role } };
}

/** Signing out ends the session for good, whatever cookie a browser still holds. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db().staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}
