// The outbox's core: messages queued in the caller's transaction, sent by the real queue's worker
// through a real SMTP server, once; a failure retried, then flagged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTransports } from "@/lib/messages/transports";
import { runDueJobs } from "@/lib/jobs/worker";
import { deliverMessage } from "@/lib/services/messages/delivery";
import { queueMessage } from "@/lib/services/messages/outbox";
import { now } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";
import { startTestMailbox, type TestMailbox } from "../setup/mail";

const database = isolatedDatabase();
let mailbox: TestMailbox;
let siteId: string;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  const site = await database.prisma().site.create({ data: { name: "Outbox clinic", timeZone: "Europe/London" } });
  siteId = site.id;
});
afterAll(() => mailbox.close());

async function patient(contact: { email?: boolean; sms?: boolean }) {
  return database.prisma().patient.create({
    data: {
      givenName: "Ada",
      familyName: "Outbox",
      birthDate: new Date("1990-05-01"),
      sex: "female",
      email: `ada-${Math.random().toString(36).slice(2)}@example.org`,
      phone: "07700 900123",
      contactByEmail: contact.email ?? false,
      contactBySms: contact.sms ?? false,
    },
  });
}

const values = { what: "dressing visit", when: "Thu 3 Dec 2026, 10:30", where: "Room 1" };

describe("the outbox", () => {
  it("sends a message queued in a committed transaction through the SMTP server, once", async () => {
    const p = await patient({ email: true });
    const queued = await db().$transaction((tx) =>
      queueMessage(tx, { patientId: p.id, siteId, kind: "booking_confirmation", sendAfter: now(), values }, now()),
    );
    expect(queued.map((q) => q.channel)).toEqual(["email"]);
    const transports = createTransports({ smtpUrl: mailbox.url });
    await runDueJobs(database.url(), { transports, clock: now });
    await runDueJobs(database.url(), { transports, clock: now });
    const mine = mailbox.received.filter((m) => m.to && JSON.stringify(m.to).includes(p.email!));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe("Your dressing visit on Thu 3 Dec 2026, 10:30");
    expect(mine[0]!.text).toContain("Dear Ada,");
    const row = await db().message.findUniqueOrThrow({ where: { id: queued[0]!.id } });
    expect(row).toMatchObject({ status: "sent", deliveredVia: "smtp", attempts: 1 });
    transports.close();
  });

  it("queues nothing when the transaction rolls back", async () => {
    const p = await patient({ email: true, sms: true });
    const jobs = async () =>
      Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`)[0]!.n);
    const jobsBefore = await jobs();
    await expect(
      db().$transaction(async (tx) => {
        await queueMessage(
          tx,
          { patientId: p.id, siteId, kind: "booking_confirmation", sendAfter: now(), values },
          now(),
        );
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(await db().message.count({ where: { patientId: p.id } })).toBe(0);
    expect(await jobs()).toBe(jobsBefore);
  });

  it("writes only on the channels the patient consents to", async () => {
    const none = await patient({});
    const sms = await patient({ sms: true });
    const q = (patientId: string) =>
      db().$transaction((tx) =>
        queueMessage(tx, { patientId, siteId, kind: "booking_confirmation", sendAfter: now(), values }, now()),
      );
    expect(await q(none.id)).toEqual([]);
    expect((await q(sms.id)).map((m) => m.channel)).toEqual(["sms"]);
  });

  it("queues a message with the same dedupe key once", async () => {
    const p = await patient({ email: true });
    const q = () =>
      db().$transaction((tx) =>
        queueMessage(
          tx,
          { patientId: p.id, siteId, kind: "reminder", sendAfter: now(), values, dedupeKey: `test:${p.id}` },
          now(),
        ),
      );
    expect(await q()).toHaveLength(1);
    expect(await q()).toHaveLength(0);
  });

  it("records a failed hand-over, asks for a retry, and fails the message at the last attempt", async () => {
    const p = await patient({ email: true });
    const [queued] = await db().$transaction((tx) =>
      queueMessage(tx, { patientId: p.id, siteId, kind: "booking_confirmation", sendAfter: now(), values }, now()),
    );
    const broken = createTransports({ smtpUrl: "smtp://127.0.0.1:9" });
    expect(await deliverMessage(queued!.id, broken, { attempt: 1, maxAttempts: 2 }, now())).toBe("retry");
    let row = await db().message.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(await deliverMessage(queued!.id, broken, { attempt: 2, maxAttempts: 2 }, now())).toBe("failed");
    row = await db().message.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 2, failedAt: now() });
    expect(await deliverMessage(queued!.id, broken, { attempt: 3, maxAttempts: 3 }, now())).toBe("skipped");
  });
});
