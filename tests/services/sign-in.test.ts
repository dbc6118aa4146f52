import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/passwords";
import { signIn } from "@/lib/services/sign-in";
import { minutesFromNow } from "../setup/clock";
import { testDatabase } from "../setup/db";

const prisma = testDatabase();
const minute = 60_000;

async function newAccount(): Promise<string> {
  const site = await prisma.site.create({ data: { name: "Sign-in site", timeZone: "Europe/London" } });
  const email = `nurse-${randomUUID()}@test.clinic`;
  await prisma.staff.create({ data: { siteId: site.id, email, name: "Nurse Test", role: "nurse", passwordHash: await hashPassword("right-password") } });
  return email;
}

describe("sign-in", () => {
  let email: string;
  beforeAll(async () => {
    email = await newAccount();
  });

  it("signs in with the right password and stores an argon2id hash, never the password", async () => {
    const result = await signIn(email, "right-password");
    expect(result).toMatchObject({ outcome: "signed_in", staff: { role: "nurse" } });
    const staff = await prisma.staff.findUniqueOrThrow({ where: { email } });
    expect(staff.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await signIn(email, "wrong")).toEqual({ outcome: "refused" });
    expect(await signIn(`nobody-${randomUUID()}@test.clinic`, "wrong")).toEqual({ outcome: "refused" });
  });

  it("locks an account for 15 minutes after 5 failures within 15 minutes, even for the right password", async () => {
    const locked = await newAccount();
    const t0 = minutesFromNow(-20);
    for (let i = 0; i < 5; i++) expect((await signIn(locked, "wrong", new Date(t0.getTime() + i * minute))).outcome).toBe("refused");
    const during = await signIn(locked, "right-password", new Date(t0.getTime() + 10 * minute));
    expect(during).toEqual({ outcome: "locked", until: new Date(t0.getTime() + 19 * minute) });
    const after = await signIn(locked, "right-password", new Date(t0.getTime() + 19 * minute));
    expect(after.outcome).toBe("signed_in");
  });

  it("locks an unknown email the same way, so a lock tells nothing about which accounts exist", async () => {
    const unknown = `ghost-${randomUUID()}@test.clinic`;
    const now = minutesFromNow(0).getTime();
    for (let i = 0; i < 5; i++) await signIn(unknown, "guess", new Date(now - (5 - i) * 1000));
    expect((await signIn(unknown, "guess", new Date(now))).outcome).toBe("locked");
  });
});
