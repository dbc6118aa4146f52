// The recovery plan after the operation (SX-6): queued when the post-operative series is booked,
// sent by the real queue's worker through a real SMTP server, read back as a mail client reads it,
// its calendar attachment as a calendar program reads it (ical.js).
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { earliestClearance } from "@/lib/domain/care-plan";
import { formatDateTime, formatDay } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import { runDueJobs } from "@/lib/jobs/worker";
import { createTransports, type Transports } from "@/lib/messages/transports";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";
import { sendPlanMessage } from "@/lib/services/messages/post-op-plan";
import { dayFromToday, now, siteZone } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";
import { startTestMailbox, type TestMailbox } from "../setup/mail";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const database = isolatedDatabase();
let mailbox: TestMailbox;
let transports: Transports;
let team: Team;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  transports = createTransports({ smtpUrl: mailbox.url });
  ({ team } = await createClinic(database.prisma()));
}, 120_000);
afterAll(async () => {
  transports.close();
  await mailbox.close();
});

/** A case operated yesterday whose patient consents to `contact`, with an address for each channel. */
async function operatedCase(contact: { email?: boolean; sms?: boolean }) {
  const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 1 });
  const email = `plan-${Math.random().toString(36).slice(2)}@example.org`;
  await db().patient.update({
    where: { id: patientId },
    data: { email, phone: "07700 900456", contactByEmail: contact.email ?? false, contactBySms: contact.sms ?? false },
  });
  return { caseId, patientId, email };
}

const bookSeries = (caseId: string) =>
  bookPostOperativeSeries(
    team.reception,
    caseId,
    { dressingTime: "09:00", physioTime: "10:00", preview: false },
    now(),
  );

const runWorker = () => runDueJobs(database.url(), { transports, clock: () => new Date() });

const mailTo = (email: string) =>
  mailbox.received.filter((m) => [m.to].flat().some((to) => to?.value.some((v) => v.address === email)));

type CalendarEvent = { uid: string; start: number; summary: string };

/** The attachment as a calendar program reads it: its events. */
function calendarOf(mail: ParsedMail): CalendarEvent[] {
  const ics = mail.attachments.find((a) => a.filename === "appointments.ics");
  expect(ics, "an appointments.ics attachment").toBeDefined();
  expect(ics!.contentType).toBe("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString("utf8")));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, start: event.startDate.toJSDate().getTime(), summary: event.summary };
  });
}

describe("the recovery plan message (SX-6)", () => {
  it("sends the plan's dates in words and the booked appointments as an .ics once the series is booked (SX-6, PO-1, PO-3, PO-6)", async () => {
    const { caseId, email } = await operatedCase({ email: true });
    const { items } = await bookSeries(caseId);
    const booked = items.filter((i) => i.appointmentId);
    expect(booked.length).toBeGreaterThan(3);
    await runWorker();

    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Your recovery plan after your ankle operation");
    const body = mail.text!;
    const operationDay = dayFromToday(-1);
    // The plan's dates, on the site's calendar, in the printed plan's words.
    expect(body).toContain("Use your crutches for 10 to 15 days");
    expect(body).toContain(
      `between ${formatDay(addDays(operationDay, 10))} and ${formatDay(addDays(operationDay, 15))}`,
    );
    expect(body).toContain(`every other day, starting ${formatDay(addDays(operationDay, 2))}`);
    expect(body).toContain("Physiotherapy starts within 7 days of your operation, then once a week.");
    expect(body).toContain(
      `cycling and swimming again from ${formatDay(earliestClearance(operationDay, "cycling"))}, and running from ${formatDay(earliestClearance(operationDay, "running"))}`,
    );
    expect(body).toContain("No cast or splint");
    expect(body).toContain("call 999");
    // Each appointment at its time on the site's wall clock.
    for (const item of booked) expect(body).toContain(formatDateTime(item.start!, siteZone));

    const events = calendarOf(mail);
    expect(events).toHaveLength(booked.length);
    for (const item of booked) {
      const event = events.find((e) => e.uid === `${item.appointmentId}@ankle-pathway`);
      expect(event, `an event for ${item.label}`).toBeDefined();
      expect(event!.start).toBe(new Date(item.start!).getTime());
      expect(event!.summary).toBe(item.kind === "dressing" ? "Wound dressing by a nurse" : "Physiotherapy");
    }
    const row = await db().message.findFirstOrThrow({ where: { recipient: email, kind: "post_op_plan" } });
    expect(row).toMatchObject({ status: "sent", channel: "email", attempts: 1 });
  });

  it("sends nothing to a patient who has not agreed to email or text messages, and only a text to one who agreed to texts", async () => {
    const silent = await operatedCase({});
    await bookSeries(silent.caseId);
    expect(await db().message.count({ where: { patientId: silent.patientId } })).toBe(0);

    const texts = await operatedCase({ sms: true });
    await bookSeries(texts.caseId);
    const rows = await db().message.findMany({ where: { patientId: texts.patientId, kind: "post_op_plan" } });
    expect(rows.map((r) => [r.channel, r.kind])).toEqual([["sms", "post_op_plan"]]);
    const operationDay = dayFromToday(-1);
    expect(rows[0]!.body).toContain(`running from ${formatDay(earliestClearance(operationDay, "running"))}`);
    expect(rows[0]!.attachments).toEqual([]);

    await runWorker();
    expect(mailTo(silent.email)).toHaveLength(0);
    expect(mailTo(texts.email)).toHaveLength(0);
    expect(await db().message.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({
      status: "sent",
      deliveredVia: "recorded",
    });
  });

  it("sends the plan again when staff ask, replacing one still waiting to go: the patient gets it once", async () => {
    const { caseId, email } = await operatedCase({ email: true });
    await bookSeries(caseId);
    const again = await sendPlanMessage(team.nurse, caseId, now());
    expect(again.messages.map((m) => m.channel)).toEqual(["email"]);
    const rows = await db().message.findMany({
      where: { recipient: email, kind: "post_op_plan" },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "queued"]);
    await runWorker();
    expect(mailTo(email)).toHaveLength(1);
    expect(await db().message.findUniqueOrThrow({ where: { id: again.messages[0]!.id } })).toMatchObject({
      status: "sent",
    });
  });

  it("lists no past appointment and says when none is booked yet, without a calendar file", async () => {
    const { caseId, email } = await operatedCase({ email: true });
    await sendPlanMessage(team.surgeon, caseId, now());
    await runWorker();
    const [mail] = mailTo(email);
    expect(mail!.text).toContain("No appointment is booked for you yet");
    expect(mail!.attachments).toEqual([]);
  });
});
