import { describe, expect, it } from "vitest";
import { lockedUntil, sessionIsLive } from "@/lib/auth/lifetime";

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);

describe("session lifetime", () => {
  it("keeps a session used within the last 15 minutes", () => {
    expect(sessionIsLive({ signedInAt: t0, lastSeenAt: t0 + 60 * minute }, t0 + 74 * minute)).toBe(true);
  });
  it("ends a session idle for more than 15 minutes", () => {
    expect(sessionIsLive({ signedInAt: t0, lastSeenAt: t0 }, t0 + 15 * minute + 1)).toBe(false);
  });
  it("ends a session 12 hours after sign-in even when it is in use", () => {
    expect(sessionIsLive({ signedInAt: t0, lastSeenAt: t0 + 12 * 60 * minute }, t0 + 12 * 60 * minute + 1)).toBe(false);
    expect(
      sessionIsLive({ signedInAt: t0, lastSeenAt: t0 + 11 * 60 * minute }, t0 + 11 * 60 * minute + 5 * minute),
    ).toBe(true);
  });
  it("refuses a session without its times", () => {
    expect(sessionIsLive({}, t0)).toBe(false);
    expect(sessionIsLive({ signedInAt: t0 }, t0)).toBe(false);
  });
});

describe("sign-in lock-out", () => {
  const failures = (...minutesAgo: number[]) => minutesAgo.map((m) => new Date(t0 - m * minute));

  it("does not lock after four failures", () => {
    expect(lockedUntil(failures(0, 1, 2, 3), new Date(t0))).toBeNull();
  });
  it("locks for 15 minutes after the fifth failure within 15 minutes", () => {
    const until = lockedUntil(failures(0, 1, 2, 3, 4), new Date(t0));
    expect(until?.toISOString()).toBe(new Date(t0 + 15 * minute).toISOString());
    expect(lockedUntil(failures(0, 1, 2, 3, 4), new Date(t0 + 14 * minute))).not.toBeNull();
    expect(lockedUntil(failures(0, 1, 2, 3, 4), new Date(t0 + 15 * minute))).toBeNull();
  });
  it("does not lock when five failures are spread over more than 15 minutes", () => {
    expect(lockedUntil(failures(0, 4, 8, 12, 16), new Date(t0))).toBeNull();
  });
});
