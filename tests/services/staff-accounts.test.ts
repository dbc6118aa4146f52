import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/policy";
import { DomainError } from "@/lib/domain/errors";
import { httpStatusOf } from "@/lib/http/problem";
import { issuePasswordLink, passwordLinkState, setPasswordWithLink } from "@/lib/services/password-links";
import { signIn } from "@/lib/services/sign-in";
import { createStaffAccount, updateStaffAccount } from "@/lib/services/staff-accounts";
import { minutesFromNow, now } from "../setup/clock";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
const hour = 60 * 60_000;

/** A member of staff on the actor's site. */
async function colleague(of: Actor, role: Role): Promise<Actor> {
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: of.id } });
  const staff = await prisma.staff.create({
    data: { siteId, role, name: `Colleague ${role}`, email: `${role}-${randomUUID()}@test.clinic`, passwordHash: "x" },
  });
  return { id: staff.id, name: staff.name, role };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const auditCount = (entityId: string) => prisma.auditEvent.count({ where: { entity: "staff", entityId } });

describe("staff accounts keep the clinic an administrator (AC-1)", () => {
  it("refuses an administrator changing their own role, and writes nothing (AC-1)", async () => {
    const admin = await createActor(prisma, "admin");
    await colleague(admin, "admin");
    const audits = await auditCount(admin.id);
    const error = await refusal(updateStaffAccount(admin, admin.id, { role: "surgeon" }));
    expect({ code: error.code, status: httpStatusOf(error) }).toEqual({ code: "AC-1", status: 422 });
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect(await auditCount(admin.id)).toBe(audits);
  });

  it("refuses an administrator deactivating their own account, even with another administrator on the site (AC-1)", async () => {
    const admin = await createActor(prisma, "admin");
    await colleague(admin, "admin");
    const error = await refusal(updateStaffAccount(admin, admin.id, { active: false }));
    expect(error.code).toBe("AC-1");
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("lets an administrator rename themselves, and run other accounts", async () => {
    const admin = await createActor(prisma, "admin");
    const other = await colleague(admin, "admin");
    expect(
      await updateStaffAccount(admin, admin.id, { name: "Renamed Admin", role: "admin", active: true }),
    ).toMatchObject({ name: "Renamed Admin", role: "admin", active: true });
    expect(await updateStaffAccount(admin, other.id, { role: "reception" })).toMatchObject({ role: "reception" });
    expect(await updateStaffAccount(admin, other.id, { active: false })).toMatchObject({ active: false });
  });

  for (const change of [{ active: false }, { role: "nurse" as const }]) {
    it(`two administrators changing each other at once (${JSON.stringify(change)}) leave one active administrator (AC-1)`, async () => {
      for (let round = 0; round < 5; round++) {
        const a = await createActor(prisma, "admin");
        const b = await colleague(a, "admin");
        const results = await Promise.allSettled([
          updateStaffAccount(a, b.id, change),
          updateStaffAccount(b, a.id, change),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect((refused.reason as DomainError).code).toBe("AC-1");
        const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: a.id } });
        expect(await prisma.staff.count({ where: { siteId, role: "admin", active: true } })).toBe(1);
      }
    });
  }

  it("audits each staff change with what changed", async () => {
    const admin = await createActor(prisma, "admin");
    const nurse = await colleague(admin, "nurse");
    await updateStaffAccount(admin, nurse.id, { role: "physio", active: false });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: nurse.id, action: "staff.update" } });
    expect(event).toMatchObject({
      actorId: admin.id,
      detail: { fields: "role,active", role: "physio", active: false },
    });
  });
});

describe("a new account's password is set by its owner through a link (AC-2)", () => {
  async function newSurgeon() {
    const admin = await createActor(prisma, "admin");
    const email = `surgeon-${randomUUID()}@test.clinic`;
    const account = await createStaffAccount(admin, { email, name: "Mr New Surgeon", role: "surgeon" });
    return { admin, email, account };
  }

  it("creates the account without a password and with a link valid for 72 hours, of which only a hash is stored", async () => {
    const { admin, email, account } = await newSurgeon();
    expect(account).toMatchObject({ email, role: "surgeon", active: true });
    expect(account.passwordLink.expiresAt.getTime() - now().getTime()).toBe(72 * hour);
    const staff = await prisma.staff.findUniqueOrThrow({ where: { id: account.id }, include: { passwordLinks: true } });
    expect(staff.passwordHash).toBeNull();
    expect(staff.passwordLinks).toHaveLength(1);
    expect(staff.passwordLinks[0]).toMatchObject({
      issuedById: admin.id,
      tokenHash: createHash("sha256").update(account.passwordLink.token).digest("hex"),
    });
    expect(JSON.stringify(staff)).not.toContain(account.passwordLink.token);
    expect((await signIn(email, "")).outcome).toBe("refused");
    expect(
      await prisma.auditEvent.findMany({ where: { entityId: account.id }, select: { action: true, actorId: true } }),
    ).toEqual(
      expect.arrayContaining([
        { action: "staff.create", actorId: admin.id },
        { action: "staff.password_link", actorId: admin.id },
      ]),
    );
  });

  it("lets the owner set the password once through the link and sign in with it; a second use is refused (AC-2)", async () => {
    const { email, account } = await newSurgeon();
    const token = account.passwordLink.token;
    expect(await passwordLinkState(token)).toMatchObject({ state: "valid", email });
    expect(await setPasswordWithLink({ token, password: "the owner's own password" })).toEqual({ email });
    expect((await signIn(email, "the owner's own password")).outcome).toBe("signed_in");
    expect(
      await prisma.auditEvent.count({
        where: { entityId: account.id, action: "staff.password_set", actorId: account.id },
      }),
    ).toBe(1);

    expect(await passwordLinkState(token)).toEqual({ state: "used" });
    const error = await refusal(setPasswordWithLink({ token, password: "a password chosen later" }));
    expect({ code: error.code, status: httpStatusOf(error) }).toEqual({ code: "AC-2", status: 422 });
    const staff = await prisma.staff.findUniqueOrThrow({ where: { id: account.id } });
    expect(await verifyPassword(staff.passwordHash!, "the owner's own password")).toBe(true);
  });

  it("refuses a link 72 hours after it was issued (AC-2)", async () => {
    const { account } = await newSurgeon();
    const expired = new Date(account.passwordLink.expiresAt.getTime());
    expect(await passwordLinkState(account.passwordLink.token, new Date(expired.getTime() - 1))).toMatchObject({
      state: "valid",
    });
    expect(await passwordLinkState(account.passwordLink.token, expired)).toEqual({ state: "expired" });
    expect(
      (
        await refusal(
          setPasswordWithLink({ token: account.passwordLink.token, password: "a long enough password" }, expired),
        )
      ).code,
    ).toBe("AC-2");
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: account.id } })).passwordHash).toBeNull();
  });

  it("a new link, for a forgotten password, revokes the older ones and leaves the password as it was until used (AC-2)", async () => {
    const { admin, email, account } = await newSurgeon();
    await setPasswordWithLink({ token: account.passwordLink.token, password: "the first own password" });
    const older = await issuePasswordLink(admin, account.id, minutesFromNow(1));
    const newer = await issuePasswordLink(admin, account.id, minutesFromNow(2));
    expect(await passwordLinkState(older.token, minutesFromNow(3))).toEqual({ state: "superseded" });
    expect(
      (
        await refusal(
          setPasswordWithLink({ token: older.token, password: "not from the newest link" }, minutesFromNow(3)),
        )
      ).code,
    ).toBe("AC-2");
    expect((await signIn(email, "the first own password", minutesFromNow(3))).outcome).toBe("signed_in");
    await setPasswordWithLink({ token: newer.token, password: "the second own password" }, minutesFromNow(4));
    expect((await signIn(email, "the first own password", minutesFromNow(5))).outcome).toBe("refused");
    expect((await signIn(email, "the second own password", minutesFromNow(5))).outcome).toBe("signed_in");
  });

  it("setting a password through a link ends the account's open sessions", async () => {
    const { admin, email, account } = await newSurgeon();
    await setPasswordWithLink({ token: account.passwordLink.token, password: "the first own password" });
    const signedIn = await signIn(email, "the first own password");
    expect(signedIn.outcome).toBe("signed_in");
    const link = await issuePasswordLink(admin, account.id);
    await setPasswordWithLink({ token: link.token, password: "after a forgotten one" });
    const session = await prisma.staffSession.findUniqueOrThrow({
      where: { id: (signedIn as { sessionId: string }).sessionId },
    });
    expect(session.endedAt).not.toBeNull();
  });

  it("an unknown link is not found, and a link for an unknown account is refused as not found", async () => {
    expect(await passwordLinkState("no-such-token")).toEqual({ state: "unknown" });
    expect(
      (await refusal(setPasswordWithLink({ token: "no-such-token", password: "a long enough password" }))).code,
    ).toBe("NOT_FOUND");
    const admin = await createActor(prisma, "admin");
    expect((await refusal(issuePasswordLink(admin, randomUUID()))).code).toBe("NOT_FOUND");
  });
});

describe("a set-password link used twice at once (AC-2)", () => {
  it("sets the password once: the other use is refused (AC-2)", async () => {
    const admin = await createActor(prisma, "admin");
    const account = await createStaffAccount(admin, {
      email: `nurse-${randomUUID()}@test.clinic`,
      name: "Nurse Twice",
      role: "nurse",
    });
    const results = await Promise.allSettled(
      ["first own password", "second own password"].map((password) =>
        setPasswordWithLink({ token: account.passwordLink.token, password }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as DomainError).code).toBe(
      "AC-2",
    );
    expect(await prisma.auditEvent.count({ where: { entityId: account.id, action: "staff.password_set" } })).toBe(1);
  });
});

describe("adding a member of staff", () => {
  it("refuses an email another account uses, saying so on the email field, and adds nothing", async () => {
    const admin = await createActor(prisma, "admin");
    const email = `taken-${randomUUID()}@test.clinic`;
    await createStaffAccount(admin, { email, name: "First Holder", role: "nurse" }, now());
    const error = await refusal(createStaffAccount(admin, { email, name: "Second Comer", role: "physio" }, now()));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already uses this email/);
    expect(error.extra.errors).toEqual([{ path: "email", message: expect.stringMatching(/already/i) }]);
    expect(await prisma.staff.count({ where: { email } })).toBe(1);
  });
});
