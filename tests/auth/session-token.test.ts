import { signInAs, call } from "../setup/routes";
import { describe, expect, it } from "vitest";
import { encode as nextAuthEncode, decode as nextAuthDecode } from "next-auth/jwt";
import { decodeSession, encodeSession, readSessionToken } from "@/lib/auth/session-token";
import { currentActor } from "@/lib/auth/actor";
import { sessionCookieName } from "@/lib/auth/cookies";
import type { Role } from "@/lib/auth/policy";
import { createActor, testDatabase } from "../setup/db";
import { now } from "../setup/clock";

const secret = "a-test-secret-of-this-file-only-0123456789";

describe("session token", () => {
  it("reads next-auth's own tokens and next-auth reads ours (one format across sign-in, proxy and handlers)", async () => {
    const claims = { staffId: "s", sessionId: "x", signedInAt: 1, lastSeenAt: 2 };
    const theirs = await nextAuthEncode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSession({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encodeSession({ token: claims, secret, maxAge: 60 });
    expect(await nextAuthDecode({ token: ours, secret })).toMatchObject(claims);
  });

  it("refuses a token under another secret, an altered token and an expired one", async () => {
    const token = await encodeSession({ token: { staffId: "s" }, secret, maxAge: 60 });
    expect(await readSessionToken(token, `${secret}-other`)).toBeNull();
    const altered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await readSessionToken(altered, secret)).toBeNull();
    expect(await readSessionToken(await encodeSession({ token: {}, secret, maxAge: -60 }), secret)).toBeNull();
    expect(await readSessionToken(undefined, secret)).toBeNull();
    expect(await readSessionToken(token, undefined)).toBeNull();
  });
});

describe("the signed-in actor, read from the request's session cookie", () => {
  const prisma = testDatabase();
  const makeStaff = (role: Role) => createActor(prisma, role);

  const cookieOf = async (claims: Record<string, unknown>) =>
    new Request("http://clinic.test/", {
      headers: {
        cookie: `${sessionCookieName}=${await encodeSession({ token: claims, secret: process.env.NEXTAUTH_SECRET!, maxAge: 900 })}`,
      },
    });

  it("is refused at the next request once the session is signed out or the account deactivated", async () => {
    const staff = await makeStaff("reception");
    const session = await prisma.staffSession.create({ data: { staffId: staff.id } });
    const at = now().getTime();
    const request = await cookieOf({ staffId: staff.id, sessionId: session.id, signedInAt: at, lastSeenAt: at });
    expect(await currentActor(request, at)).toEqual({ id: staff.id, name: staff.name, role: "reception" });

    await prisma.staffSession.update({ where: { id: session.id }, data: { endedAt: now() } });
    expect(await currentActor(request, at)).toBeNull();

    const second = await prisma.staffSession.create({ data: { staffId: staff.id } });
    const again = await cookieOf({ staffId: staff.id, sessionId: second.id, signedInAt: at, lastSeenAt: at });
    expect(await currentActor(again, at)).not.toBeNull();
    await prisma.staff.update({ where: { id: staff.id }, data: { active: false } });
    expect(await currentActor(again, at)).toBeNull();
  });

  it("is refused when the token names another staff member's session, a malformed id, or is idle past 15 minutes", async () => {
    const [a, b] = [await makeStaff("nurse"), await makeStaff("nurse")];
    const session = await prisma.staffSession.create({ data: { staffId: a.id } });
    const at = now().getTime();
    expect(
      await currentActor(await cookieOf({ staffId: b.id, sessionId: session.id, signedInAt: at, lastSeenAt: at }), at),
    ).toBeNull();
    expect(
      await currentActor(await cookieOf({ staffId: a.id, sessionId: "x'; --", signedInAt: at, lastSeenAt: at }), at),
    ).toBeNull();
    const idle = at - 16 * 60 * 1000;
    expect(
      await currentActor(
        await cookieOf({ staffId: a.id, sessionId: session.id, signedInAt: idle, lastSeenAt: idle }),
        at,
      ),
    ).toBeNull();
  });

  it("a route handler answers 401 for a request without the cookie and 200 with it", async () => {
    const staff = await makeStaff("reception");
    await signInAs(prisma, staff);
    expect((await call("get", "/api/v1/patients", { query: "q=zz" })).status).toBe(200);
    await signInAs(prisma, null);
    expect((await call("get", "/api/v1/patients", { query: "q=zz" })).status).toBe(401);
  });
});
