// Reminders sent by the real queue's worker through a real SMTP server, at their time on the
// site's clock: the test moves the clock (queue and services alike) and runs the due jobs.
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime, formatTime } from "@/lib/domain/date-format";
import { instantAt } from "@/lib/domain/time";
import { runDueJobs } from "@/lib/jobs/worker";
import { createTransports, type Transports } from "@/lib/messages/transports";
import { bookAppointment } from "@/lib/services/appointments";
import { dayFromToday, now, siteAt, siteZone } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";
import { startTestMailbox, type TestMailbox } from "../setup/mail";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms } from "../setup/scheduling";

const database = isolatedDatabase();
let mailbox: TestMailbox;
let transports: Transports;
let team: Team;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  transports = createTransports({ smtpUrl: mailbox.url });
  ({ team } = await createClinic(database.prisma()));
  await createRooms(database.prisma(), team.reception, "consulting");
});
afterEach(() => {
  vi.setSystemTime(now());
});
afterAll(async () => {
  transports.close();
  await mailbox.close();
});

/** A referred case whose patient consents to email. */
async function consenting() {
  const walked = await caseAt(team, "referred");
  const email = `reminded-${walked.patientId}@example.org`;
  await database.prisma().patient.update({ where: { id: walked.patientId }, data: { email, contactByEmail: true } });
  return { ...walked, email };
}

const book = (actor: Actor, caseId: string, start: Date, clock: Date) =>
  bookAppointment(actor, { caseId, kind: "consultation", start: start.toISOString() }, clock);

/** One run of the worker with the clock (queue and delivery) at `at`. */
async function runAt(at: Date) {
  vi.setSystemTime(at);
  await runDueJobs(database.url(), { transports, clock: () => new Date() });
}

const mailTo = (email: string): ParsedMail[] =>
  mailbox.received.filter((m) => JSON.stringify(m.to ?? "").includes(email));
const subjects = (email: string) => mailTo(email).map((m) => m.subject);
const minuteBefore = (at: Date) => new Date(at.getTime() - 60_000);

describe("reminders sent by the worker", () => {
  it("sends a reminder at its time on the site's clock, and once (clock moved)", async () => {
    const { caseId, email } = await consenting();
    const start = siteAt(3, 10, 30);
    await book(team.reception, caseId, start, now());
    const when = formatDateTime(start, siteZone);
    const evening = instantAt(dayFromToday(1), 18, 0, siteZone);

    await runAt(minuteBefore(evening));
    expect(subjects(email)).toEqual([`Your consultation about your ankle on ${when}`]);

    await runAt(evening);
    expect(subjects(email)).toEqual([
      `Your consultation about your ankle on ${when}`,
      `Reminder: your consultation about your ankle on ${when}`,
    ]);
    const reminder = mailTo(email)[1]!;
    expect(JSON.stringify(reminder.to)).toContain(email);
    expect(reminder.text).toContain(
      `This is a reminder of your consultation about your ankle on ${when}, at consulting`,
    );
    expect(reminder.text).toContain("10:30");

    await runAt(evening);
    await runAt(new Date(evening.getTime() + 3_600_000));
    expect(subjects(email)).toHaveLength(2);

    await runAt(instantAt(dayFromToday(3), 7, 0, siteZone));
    expect(subjects(email)).toHaveLength(3);
    const rows = await database
      .prisma()
      .message.findMany({ where: { recipient: email }, orderBy: { sendAfter: "asc" } });
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ["booking_confirmation", "sent", 1],
      ["reminder", "sent", 1],
      ["reminder", "sent", 1],
    ]);
  });

  it("sends the reminders at 18:00 and 07:00 local across the end of summer time (31 Oct 2027)", async () => {
    const { caseId, email } = await consenting();
    // Tue 2 Nov 2027, 10:00 GMT: reminders on Sun 31 Oct (the clocks went back at 02:00) and on the day.
    const start = new Date("2027-11-02T10:00:00Z");
    await book(team.reception, caseId, start, new Date("2027-10-20T12:00:00Z"));
    const when = formatDateTime(start, siteZone);
    expect(when).toMatch(/^Tue,? 2 Nov 2027, 10:00$/);
    const evening = new Date("2027-10-31T18:00:00Z");
    const morning = new Date("2027-11-02T07:00:00Z");
    expect([formatTime(evening, siteZone), formatTime(morning, siteZone)]).toEqual(["18:00", "07:00"]);

    // 18:00 summer time would be 17:00 UTC: nothing goes then.
    await runAt(new Date("2027-10-31T17:00:00Z"));
    expect(subjects(email)).toEqual([`Your consultation about your ankle on ${when}`]);
    await runAt(minuteBefore(evening));
    expect(subjects(email)).toHaveLength(1);
    await runAt(evening);
    expect(subjects(email)).toEqual([
      `Your consultation about your ankle on ${when}`,
      `Reminder: your consultation about your ankle on ${when}`,
    ]);
    await runAt(minuteBefore(morning));
    expect(subjects(email)).toHaveLength(2);
    await runAt(morning);
    await runAt(morning);
    expect(subjects(email)).toHaveLength(3);
  });

  it("sends the reminder at 18:00 local on the day summer time starts (28 Mar 2027)", async () => {
    const { caseId, email } = await consenting();
    // Tue 30 Mar 2027, 10:00 BST; 18:00 BST on Sun 28 Mar is 17:00 UTC.
    const start = new Date("2027-03-30T09:00:00Z");
    await book(team.reception, caseId, start, new Date("2027-03-20T12:00:00Z"));
    const when = formatDateTime(start, siteZone);
    expect(when).toMatch(/^Tue,? 30 Mar 2027, 10:00$/);
    const evening = new Date("2027-03-28T17:00:00Z");
    expect(formatTime(evening, siteZone)).toBe("18:00");
    await runAt(minuteBefore(evening));
    expect(subjects(email)).toEqual([`Your consultation about your ankle on ${when}`]);
    await runAt(evening);
    expect(subjects(email)).toEqual([
      `Your consultation about your ankle on ${when}`,
      `Reminder: your consultation about your ankle on ${when}`,
    ]);
  });

  it("keeps the reminders through a restart: a second worker sends what is due, once, however many run", async () => {
    const { caseId, email } = await consenting();
    await book(team.reception, caseId, siteAt(4, 9), now());
    const evening = instantAt(dayFromToday(2), 18, 0, siteZone);
    // The first worker sends the confirmation and stops before the reminder is due.
    await runAt(now());
    expect(subjects(email)).toHaveLength(1);
    // Later, two workers (a restarted one and another process) find the reminder due.
    vi.setSystemTime(new Date(evening.getTime() + 5 * 60_000));
    await Promise.all([
      runDueJobs(database.url(), { transports, clock: () => new Date() }),
      runDueJobs(database.url(), { transports, clock: () => new Date() }),
    ]);
    await runAt(new Date(evening.getTime() + 10 * 60_000));
    expect(subjects(email).filter((s) => s!.startsWith("Reminder:"))).toHaveLength(1);
  });
});
