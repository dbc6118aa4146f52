import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/passwords";
import { signIn } from "@/lib/services/sign-in";
import { minutesFromNow } from "../setup/clock";
import { testDatabase } from "../setup/db";

const prisma = testDatabase();
const minute = 60_000;

async function newAccount(): Promise<string> {
  const site = await prisma.site.create({ data: { name: "Sign-in site", timeZone: "Europe/London" } });
  const email = `nurse-${randomUUID()}@test.clinic`;
  await prisma.staff.create({
    data: {
      siteId: site.id,
      email,
      name: "Nurse Test",
      role: "nurse",
      passwordHash: await hashPassword("right-password"),
    },
  });
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
    for (let i = 0; i < 5; i++)
      expect((await signIn(locked, "wrong", new Date(t0.getTime() + i * minute))).outcome).toBe("refused");
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

// Two app processes are two pools of connections to one database: each client below is one.
describe("sign-in lock-out under concurrency", () => {
  const processes: Db[] = [];
  beforeAll(() => {
    for (let i = 0; i < 2; i++) processes.push(createDb(inject("databaseUrl")));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.$disconnect()));
  });

  /** Fires the passwords at once, alternating between the two processes; all at the same instant. */
  const burst = (email: string, passwords: string[], at: Date) =>
    Promise.all(passwords.map((password, i) => signIn(email, password, at, processes[i % 2])));

  /** The evaluated attempts in the order the database recorded them. */
  const evaluated = async (email: string) =>
    (await prisma.loginAttempt.findMany({ where: { email }, orderBy: { id: "asc" }, select: { succeeded: true } })).map(
      (a) => a.succeeded,
    );

  it("evaluates at most 5 of 50 concurrent wrong passwords from two app processes and locks the rest, then the right one", async () => {
    const email = await newAccount();
    const at = minutesFromNow(0);
    const results = await burst(
      email,
      Array.from({ length: 50 }, (_, i) => `wrong-${i}`),
      at,
    );
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(45);
    expect(await evaluated(email)).toEqual([false, false, false, false, false]);
    expect((await signIn(email, "right-password", at, processes[1])).outcome).toBe("locked");
  });

  it("never signs in the right password sent with 49 wrong ones from two app processes once 5 failures are evaluated", async () => {
    const email = await newAccount();
    const passwords = Array.from({ length: 50 }, (_, i) => (i === 37 ? "right-password" : `wrong-${i}`));
    const results = await burst(email, passwords, minutesFromNow(0));
    const outcomes = results.map((r) => r.outcome);
    const sequence = await evaluated(email);
    // Walk the attempts in the order they were evaluated: a sign-in ends a run of failures, and
    // no run may pass 5 or be followed by a sign-in once it reached 5.
    let run = 0;
    for (const succeeded of sequence) {
      if (succeeded) {
        expect(run, "failures evaluated before the sign-in").toBeLessThan(5);
        run = 0;
      } else {
        run += 1;
        expect(run, "failures evaluated in one run").toBeLessThanOrEqual(5);
      }
    }
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(sequence.filter((s) => !s).length);
    expect(outcomes.filter((o) => o === "signed_in")).toHaveLength(sequence.filter((s) => s).length);
    const signedIn = outcomes.includes("signed_in");
    expect(outcomes.filter((o) => o === "refused").length).toBeLessThanOrEqual(signedIn ? 9 : 5);
    expect(outcomes.filter((o) => o === "locked").length).toBeGreaterThanOrEqual(signedIn ? 40 : 45);
  });
});
