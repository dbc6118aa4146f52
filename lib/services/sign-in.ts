import { db, type Db } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "@/lib/auth/passwords";
import { lockedUntil, lockoutWindowMs, lockoutFailures } from "@/lib/auth/lifetime";
import type { Role } from "@/lib/auth/policy";

type SignInResult =
  | { outcome: "signed_in"; sessionId: string; staff: { id: string; name: string; role: Role } }
  | { outcome: "refused" }
  | { outcome: "locked"; until: Date };

// The class of the advisory locks that queue sign-in attempts on one email (the two-key form,
// apart from the migrations runner's single key).
const signInLockClass = 0x5349474e;

/**
 * Checks a password against the staff account. Attempts are kept per email in the database,
 * whether or not an account exists, so the answer never tells which emails are staff.
 *
 * The lock-out holds under any parallelism, across app processes: the attempt is counted and
 * recorded as a failure under a per-email transaction lock before the password is checked, so
 * at most `lockoutFailures` attempts are ever evaluated since the last success within the window.
 * A right password then turns its recorded attempt into the success.
 * `prisma` is the app process's client (tests pass others to act as other processes).
 */
export async function signIn(
  email: string,
  password: string,
  now = new Date(),
  prisma: Db = db(),
): Promise<SignInResult> {
  const reserved = await prisma.$transaction(async (tx) => {
    // Attempts on one email queue here for the few milliseconds it takes to count and record one,
    // never while the password is hashed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${signInLockClass}::int, hashtext(lower(${email}::text)))`;
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { email, succeeded: true },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const failures = await tx.loginAttempt.findMany({
      where: {
        email,
        succeeded: false,
        id: { gt: lastSuccess?.id ?? 0n },
        at: { gt: new Date(now.getTime() - 2 * lockoutWindowMs) },
      },
      orderBy: { at: "desc" },
      take: lockoutFailures,
      select: { at: true },
    });
    const until = lockedUntil(
      failures.map((f) => f.at),
      now,
    );
    if (until) return { locked: true as const, until };
    return {
      locked: false as const,
      attemptId: (await tx.loginAttempt.create({ data: { email, succeeded: false, at: now }, select: { id: true } }))
        .id,
    };
  });
  if (reserved.locked) return { outcome: "locked", until: reserved.until };

  const staff = await prisma.staff.findUnique({ where: { email } });
  const valid = await verifyPassword(staff?.passwordHash ?? decoyHash, password);
  if (!staff || !staff.active || !valid) return { outcome: "refused" };
  const sessionId = await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: reserved.attemptId }, data: { succeeded: true } });
    await tx.auditEvent.create({
      data: { actorId: staff.id, action: "sign_in", entity: "staff", entityId: staff.id, at: now },
    });
    return (await tx.staffSession.create({ data: { staffId: staff.id, createdAt: now } })).id;
  });
  return { outcome: "signed_in", sessionId, staff: { id: staff.id, name: staff.name, role: staff.role } };
}

/** Signing out ends the session for good, whatever cookie a browser still holds. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db().staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}
