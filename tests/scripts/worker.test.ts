// `npm run worker` as a real process (scripts/worker.ts through tsx) against a database of this
// file's own: it delivers a queued message to the demo mailbox as an `.eml` file, finishes a
// message it is handing over when told to stop, logs no patient data, and refuses to start in
// production without a mail server.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startMailServer } from "@/lib/messages/mail-server";
import { queueMessage } from "@/lib/services/messages/outbox";
import { startDemoMailbox } from "@/scripts/demo-mailbox";
import { messageSetupProblems } from "@/scripts/worker-settings";
import { now } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";

const database = isolatedDatabase();
const dirs: string[] = [];
const children: ChildProcess[] = [];
let siteId: string;

beforeAll(async () => {
  siteId = (await db().site.create({ data: { name: "Worker clinic", timeZone: "Europe/London" } })).id;
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The worker process, with what it printed so far. */
function worker(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", CLINIC_ENV: "", SMTP_URL: "", SMS_PROVIDER: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout!.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, output, exited };
}

/** A patient who consents to email, and a booking confirmation queued for them, due by any clock. */
async function queuedConfirmation(familyName: string) {
  const patient = await db().patient.create({
    data: {
      givenName: "Ines",
      familyName,
      birthDate: new Date("1984-02-29"),
      sex: "female",
      email: `ines.${familyName.toLowerCase()}@example.org`,
      contactByEmail: true,
    },
  });
  // Sent after the epoch: due whatever the clock of the run (the suite also runs under libfaketime).
  const [queued] = await db().$transaction((tx) =>
    queueMessage(
      tx,
      {
        patientId: patient.id,
        siteId,
        kind: "booking_confirmation",
        sendAfter: new Date(0),
        values: { what: "consultation", when: "Thu 3 Dec 2026, 10:30", where: "Consulting room 1" },
      },
      now(),
    ),
  );
  return { patient, messageId: queued!.id };
}

describe("the worker process (npm run worker)", () => {
  it("delivers a queued message through SMTP into the demo mailbox as an .eml file, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clinic-mailbox-"));
    dirs.push(dir);
    const mailbox = await startDemoMailbox(path.join(dir, "mailbox"));
    const { patient, messageId } = await queuedConfirmation("Mailbox");
    const running = worker({ DATABASE_URL: database.url(), SMTP_URL: mailbox.url });
    const files = () => readdirSync(mailbox.dir).filter((name) => name.endsWith(".eml"));
    await expect.poll(files, { timeout: 60_000, interval: 250 }).toHaveLength(1);
    expect(files()[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-0001\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(mailbox.dir, files()[0]!)));
    expect(mail.subject).toBe("Your consultation on Thu 3 Dec 2026, 10:30");
    expect(mail.to).toMatchObject({ value: [{ address: patient.email }] });
    await expect
      .poll(async () => (await db().message.findUniqueOrThrow({ where: { id: messageId } })).status)
      .toBe("sent");
    running.child.kill("SIGTERM");
    expect(await running.exited).toEqual([0, null]);
    await mailbox.close();
    const lines = running.output.stdout.trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(
      expect.arrayContaining(["worker started", "worker stopping: finishing the running jobs", "worker stopped"]),
    );
    expect(JSON.parse(lines[0]!)).toMatchObject({ mail: mailbox.url, sms: "record" });
    for (const said of [running.output.stdout, running.output.stderr])
      for (const patientData of [patient.email!, patient.givenName, patient.familyName])
        expect(said).not.toContain(patientData);
  });

  it("finishes the message it is handing over when told to stop, and names no SMTP credentials", async () => {
    let handingOver: () => void;
    const reached = new Promise<void>((resolve) => (handingOver = resolve));
    let received = 0;
    // A mail server that takes two seconds to accept: the worker gets SIGTERM in the middle.
    const slow = await startMailServer(async () => {
      handingOver();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      received += 1;
    });
    const { messageId } = await queuedConfirmation("Slow");
    const withCredentials = slow.url.replace("smtp://", "smtp://clinic-user:mail-password-77@");
    const running = worker({ DATABASE_URL: database.url(), SMTP_URL: withCredentials });
    await reached;
    running.child.kill("SIGTERM");
    expect(await running.exited).toEqual([0, null]);
    expect(received).toBe(1);
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
    await slow.close();
    expect(running.output.stdout).not.toContain("mail-password-77");
    expect(running.output.stdout).not.toContain("clinic-user");
  });

  it("refuses to start in production without SMTP_URL, saying what to set", async () => {
    const running = worker({ DATABASE_URL: database.url(), CLINIC_ENV: "production" });
    expect(await running.exited).toEqual([78, null]);
    expect(running.output.stderr).toContain("SMTP_URL is not set. In production (CLINIC_ENV=production)");
    expect(messageSetupProblems({ CLINIC_ENV: "production", SMTP_URL: "smtp://mail.example.net:587" })).toEqual([]);
    expect(messageSetupProblems({})).toEqual([]);
  });
});
