// Session and sign-in limits. Pure: the caller passes the clock's "now".

export const idleLimitMs = 15 * 60 * 1000;
const absoluteLimitMs = 12 * 60 * 60 * 1000;

export const lockoutFailures = 5;
export const lockoutWindowMs = 15 * 60 * 1000;
const lockoutDurationMs = 15 * 60 * 1000;

type SessionTimes = { signedInAt: number; lastSeenAt: number };

/** A session ends after 15 minutes without a request, and 12 hours after sign-in whatever happens. */
export function sessionIsLive(times: Partial<SessionTimes>, now: number): boolean {
  const { signedInAt, lastSeenAt } = times;
  if (typeof signedInAt !== "number" || typeof lastSeenAt !== "number") return false;
  if (lastSeenAt > now + 60_000 || signedInAt > lastSeenAt) return false;
  return now - lastSeenAt <= idleLimitMs && now - signedInAt <= absoluteLimitMs;
}

/**
 * Failed attempts since the account's last successful sign-in, newest first. Five failures within
 * 15 minutes lock further attempts until 15 minutes after the fifth. Attempts refused while locked
 * are not counted, so the lock does not extend itself.
 */
export function lockedUntil(failuresNewestFirst: Date[], now: Date): Date | null {
  if (failuresNewestFirst.length < lockoutFailures) return null;
  const newest = failuresNewestFirst[0]!;
  const fifth = failuresNewestFirst[lockoutFailures - 1]!;
  if (newest.getTime() - fifth.getTime() > lockoutWindowMs) return null;
  const until = new Date(newest.getTime() + lockoutDurationMs);
  return until > now ? until : null;
}

/** How long a set-password link works after it is issued (AC-2): long enough to hand over across a weekend. */
export const passwordLinkLifetimeMs = 72 * 60 * 60 * 1000;
