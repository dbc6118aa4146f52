// A message the mail server refuses is retried by the real queue (graphile-worker) with its
// backoff, then failed and flagged to reception; one whose server recovers goes once. The clock
// is moved to each retry's time exactly, as the queue wrote it (graphile_worker._private_jobs).
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { defaultMaxAttempts } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { createTransports, type Transports } from "@/lib/messages/transports";
import { deliveryJobKey, queueMessage } from "@/lib/services/messages/outbox";
import { now } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";

const database = isolatedDatabase();
const refusal = "Mailbox unavailable, please try again later";
/** The recipients the server refuses (451) for now; the others it accepts. */
const refused = new Set<string>();
/** The recipients of each message the server accepted. */
const accepted: string[][] = [];
let server: SMTPServer;
let transports: Transports;
let siteId: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address)) return callback();
      callback(Object.assign(new Error(refusal), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        accepted.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  transports = createTransports({ smtpUrl: `smtp://127.0.0.1:${port}` });
  siteId = (await database.prisma().site.create({ data: { name: "Retry clinic", timeZone: "Europe/London" } })).id;
});
afterAll(async () => {
  transports.close();
  await new Promise<void>((done) => server.close(() => done()));
});
afterEach(() => {
  vi.setSystemTime(now());
});

/** A message queued now for a new patient who consents to email, to an address the server refuses. */
async function refusedMessage() {
  const email = `retry-${Math.random().toString(36).slice(2)}@example.org`;
  refused.add(email);
  const patient = await db().patient.create({
    data: {
      givenName: "Rae",
      familyName: "Retry",
      birthDate: new Date("1985-03-02"),
      sex: "female",
      email,
      contactByEmail: true,
    },
  });
  const [queued] = await db().$transaction((tx) =>
    queueMessage(
      tx,
      {
        patientId: patient.id,
        siteId,
        kind: "booking_confirmation",
        sendAfter: now(),
        values: { what: "dressing visit", when: "Thu 3 Dec 2026, 10:30", where: "Room 1" },
      },
      now(),
    ),
  );
  return { id: queued!.id, email };
}

type Job = { attempts: number; max_attempts: number; run_at: Date; last_error: string | null };

/**
 * The message's delivery job as the queue holds it, or undefined once the queue is done with it.
 * `run_at` is the first millisecond at or after the queue's time (microseconds, as the backoff's
 * exp() makes them): a clock set to it finds the job due.
 */
async function jobOf(messageId: string): Promise<Job | undefined> {
  const [job] = await db().$queryRaw<(Omit<Job, "run_at"> & { run_at_ms: bigint })[]>`
    SELECT attempts, max_attempts, ceil(extract(epoch FROM run_at) * 1000)::bigint AS run_at_ms, last_error
    FROM graphile_worker._private_jobs WHERE key = ${deliveryJobKey(messageId)}`;
  if (!job) return undefined;
  const { run_at_ms, ...rest } = job;
  return { ...rest, run_at: new Date(Number(run_at_ms)) };
}

const messageOf = (id: string) => db().message.findUniqueOrThrow({ where: { id } });

/** Runs the jobs due at `at` on Node's clock (the queue's "now" under useNodeTime). */
async function runAt(at: Date) {
  vi.setSystemTime(at);
  await runDueJobs(database.url(), { transports, clock: () => new Date() });
}

/** graphile-worker's wait after a failure: exp(min(attempts, 10)) seconds (its fail_job SQL). */
const backoffMs = (attempts: number) => Math.exp(Math.min(attempts, 10)) * 1000;

describe("a refused message, through the real queue", () => {
  it("is retried with growing backoff, stays queued until the last attempt, then is failed and flagged to reception and never run again", async () => {
    const { id, email } = await refusedMessage();
    let job = (await jobOf(id))!;
    expect(job).toMatchObject({ attempts: 0, max_attempts: defaultMaxAttempts });
    for (let attempt = 1; attempt <= defaultMaxAttempts; attempt++) {
      const due = job.run_at;
      await runAt(due);
      const message = await messageOf(id);
      expect(message.attempts).toBe(attempt);
      expect(message.lastError).toContain(refusal);
      expect(message.lastAttemptAt).toEqual(due);
      if (attempt < defaultMaxAttempts) {
        expect(message).toMatchObject({ status: "queued", failedAt: null, sentAt: null });
        job = (await jobOf(id))!;
        expect(job.attempts).toBe(attempt);
        expect(job.last_error).toBeTruthy();
        // The next try waits at least the backoff after this one's due time...
        expect(job.run_at.getTime()).toBeGreaterThanOrEqual(due.getTime() + backoffMs(attempt) - 1);
        // ...and is not made a second before it.
        await runAt(new Date(job.run_at.getTime() - 1000));
        expect((await messageOf(id)).attempts).toBe(attempt);
      } else {
        expect(message).toMatchObject({ status: "failed", failedAt: due, sentAt: null, handledAt: null });
      }
    }
    expect(await jobOf(id)).toBeUndefined();
    await runAt(new Date(now().getTime() + 24 * 3_600_000));
    expect((await messageOf(id)).attempts).toBe(defaultMaxAttempts);
    expect(accepted.flat()).not.toContain(email);
    expect(
      await db().message.count({ where: { status: "failed", failedAt: { not: null }, handledAt: null, id } }),
    ).toBe(1);
  });

  it("is sent once when its mail server recovers between attempts", async () => {
    const { id, email } = await refusedMessage();
    for (let attempt = 1; attempt <= 2; attempt++) await runAt((await jobOf(id))!.run_at);
    expect(await messageOf(id)).toMatchObject({ status: "queued", attempts: 2 });
    refused.delete(email);
    const due = (await jobOf(id))!.run_at;
    await runAt(due);
    expect(await messageOf(id)).toMatchObject({ status: "sent", attempts: 3, sentAt: due, deliveredVia: "smtp" });
    expect(await jobOf(id)).toBeUndefined();
    await runAt(new Date(due.getTime() + 3_600_000));
    expect(accepted.filter((to) => to.includes(email))).toHaveLength(1);
    expect((await messageOf(id)).attempts).toBe(3);
  });
});
