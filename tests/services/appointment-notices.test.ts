// What the patient is told when an appointment is booked, moved or cancelled, and the reminders
// before it: queued in the change's own transaction, on the channels the patient consents to.
import { beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/domain/date-format";
import { instantAt } from "@/lib/domain/time";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import { recordDressing } from "@/lib/services/recovery";
import { deliveryJobKey } from "@/lib/services/messages/outbox";
import { dayFromToday, siteAt, siteZone } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
  await createRooms(prisma, team.reception, "consulting");
});

/** A referred case whose patient consents to `contact` (email and phone on file either way). */
async function referred(contact: { email?: boolean; sms?: boolean }) {
  const walked = await caseAt(team, "referred");
  const email = `patient-${walked.patientId}@example.org`;
  await prisma.patient.update({
    where: { id: walked.patientId },
    data: { email, phone: "07700 900456", contactByEmail: contact.email ?? false, contactBySms: contact.sms ?? false },
  });
  return { ...walked, email };
}

const consultation = (caseId: string, start: Date) =>
  bookAppointment(team.reception, { caseId, kind: "consultation", start: start.toISOString() });

const messagesOf = (patientId: string) =>
  prisma.message.findMany({ where: { patientId }, orderBy: [{ sendAfter: "asc" }, { createdAt: "asc" }] });

/** The run-at of each message's delivery job, or null when it has none waiting. */
async function jobRunAt(messageIds: string[]) {
  const keys = messageIds.map(deliveryJobKey);
  const rows = await prisma.$queryRaw<{ key: string; run_at: Date }[]>`
    SELECT key, run_at FROM graphile_worker._private_jobs WHERE key = ANY(${keys}::text[])`;
  const byKey = new Map(rows.map((r) => [r.key, r.run_at.toISOString()]));
  return keys.map((k) => byKey.get(k) ?? null);
}

const at = (days: number, hours: number) => instantAt(dayFromToday(days), hours, 0, siteZone);

describe("notices and reminders of a booking", () => {
  it("queues a confirmation at once and reminders at 18:00 two days before and 07:00 on the day, site time", async () => {
    const { caseId, patientId, email } = await referred({ email: true });
    const start = siteAt(3, 10, 30);
    const booked = await consultation(caseId, start);
    const messages = await messagesOf(patientId);
    expect(messages.map((m) => [m.kind, m.channel, m.status, m.recipient, m.appointmentId])).toEqual([
      ["booking_confirmation", "email", "queued", email, booked.id],
      ["reminder", "email", "queued", email, booked.id],
      ["reminder", "email", "queued", email, booked.id],
    ]);
    const [confirmation, evening, morning] = messages;
    expect(confirmation!.sendAfter.getTime()).toBeLessThanOrEqual(Date.now());
    expect(evening!.sendAfter).toEqual(at(1, 18));
    expect(morning!.sendAfter).toEqual(at(3, 7));
    const when = formatDateTime(start, siteZone);
    expect(when).toMatch(/, 10:30$/);
    expect(confirmation!.subject).toBe(`Your consultation about your ankle on ${when}`);
    expect(evening!.subject).toBe(`Reminder: your consultation about your ankle on ${when}`);
    expect(evening!.body).toContain(`on ${when}, at consulting `);
    expect(evening!.dedupeKey).toBe(`reminder:${booked.id}:${start.toISOString()}:2:18:00:email`);
    expect(await jobRunAt(messages.map((m) => m.id))).toEqual(messages.map((m) => m.sendAfter.toISOString()));
  });

  it("queues nothing for a patient who consents to no channel, even with an address on file", async () => {
    const { caseId, patientId } = await referred({});
    await consultation(caseId, siteAt(3, 11));
    expect(await messagesOf(patientId)).toEqual([]);
  });

  it("writes by text message only to a patient who consents to text messages only", async () => {
    const { caseId, patientId } = await referred({ sms: true });
    await consultation(caseId, siteAt(3, 12));
    const messages = await messagesOf(patientId);
    expect(messages.map((m) => [m.kind, m.channel])).toEqual([
      ["booking_confirmation", "sms"],
      ["reminder", "sms"],
      ["reminder", "sms"],
    ]);
  });

  it("leaves out a reminder whose time has passed when the appointment is booked", async () => {
    const { caseId, patientId } = await referred({ email: true });
    await consultation(caseId, siteAt(1, 13));
    // 18:00 two days before tomorrow was yesterday evening.
    expect((await messagesOf(patientId)).map((m) => [m.kind, m.sendAfter.toISOString()]).slice(1)).toEqual([
      ["reminder", at(1, 7).toISOString()],
    ]);
  });

  it("queues nothing for a booking refused because the patient is already booked then (SC-1)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    await consultation(caseId, siteAt(4, 10));
    const before = await messagesOf(patientId);
    await expect(consultation(caseId, siteAt(4, 10))).rejects.toMatchObject({ code: "SC-1" });
    expect(await messagesOf(patientId)).toEqual(before);
  });

  it("queues one confirmation and one set of reminders when simultaneous bookings race for the same time (SC-1)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => consultation(caseId, siteAt(4, 14))));
    const booked = results.filter((r) => r.status === "fulfilled");
    expect(booked).toHaveLength(1);
    const messages = await messagesOf(patientId);
    expect(messages.map((m) => m.kind)).toEqual(["booking_confirmation", "reminder", "reminder"]);
    expect(new Set(messages.map((m) => m.appointmentId))).toEqual(new Set([booked[0]!.value.id]));
  });
});

describe("notices and reminders of a move and a cancellation", () => {
  it("cancels the old time's reminders and queues the move's notice and the new time's reminders (SC-4)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const first = siteAt(3, 10);
    const booked = await consultation(caseId, first);
    const old = (await messagesOf(patientId)).filter((m) => m.kind === "reminder");
    const later = siteAt(5, 15);
    await moveAppointment(team.reception, booked.id, { start: later.toISOString(), reason: "Patient asked" });
    const messages = await messagesOf(patientId);
    const byId = new Map(messages.map((m) => [m.id, m]));
    expect(old.map((m) => byId.get(m.id)!.status)).toEqual(["cancelled", "cancelled"]);
    expect(await jobRunAt(old.map((m) => m.id))).toEqual([null, null]);
    const moved = messages.filter((m) => m.kind === "appointment_moved");
    expect(moved).toHaveLength(1);
    expect(moved[0]!.subject).toBe(
      `Your consultation about your ankle has moved to ${formatDateTime(later, siteZone)}`,
    );
    expect(moved[0]!.body).toContain(
      `has moved from ${formatDateTime(first, siteZone)} to ${formatDateTime(later, siteZone)}`,
    );
    const waiting = messages.filter((m) => m.kind === "reminder" && m.status === "queued");
    expect(waiting.map((m) => m.sendAfter)).toEqual([at(3, 18), at(5, 7)]);
    expect(waiting[0]!.body).toContain(formatDateTime(later, siteZone));
  });

  it("tells the patient nothing when a move keeps the appointment's time, also when five are sent at once (SC-4)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const start = siteAt(3, 9);
    const booked = await consultation(caseId, start);
    const before = await messagesOf(patientId);
    const later = siteAt(4, 9);
    await Promise.all(
      Array.from({ length: 5 }, () =>
        moveAppointment(team.reception, booked.id, { start: later.toISOString(), reason: "Patient asked" }),
      ),
    );
    const after = await messagesOf(patientId);
    expect(after.filter((m) => m.kind === "appointment_moved")).toHaveLength(1);
    await moveAppointment(team.reception, booked.id, { start: later.toISOString(), reason: "Same time" });
    expect(await messagesOf(patientId)).toHaveLength(after.length);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it("reminds the patient again when an appointment moves back to its first time", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const first = siteAt(3, 9);
    const booked = await consultation(caseId, first);
    await moveAppointment(team.reception, booked.id, { start: siteAt(6, 9).toISOString(), reason: "Surgeon away" });
    await moveAppointment(team.reception, booked.id, { start: first.toISOString(), reason: "Surgeon back" });
    const waiting = (await messagesOf(patientId)).filter((m) => m.kind === "reminder" && m.status === "queued");
    expect(waiting.map((m) => m.sendAfter)).toEqual([at(1, 18), at(3, 7)]);
    expect(waiting.every((m) => m.dedupeKey!.startsWith(`reminder:${booked.id}:${first.toISOString()}:`))).toBe(true);
  });

  it("cancels the reminders and queues the cancellation notice (SC-4)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const start = siteAt(3, 16);
    const booked = await consultation(caseId, start);
    await cancelAppointment(team.reception, booked.id, { reason: "Patient is better" });
    const messages = await messagesOf(patientId);
    expect(messages.filter((m) => m.kind === "reminder").map((m) => m.status)).toEqual(["cancelled", "cancelled"]);
    const cancelled = messages.filter((m) => m.kind === "appointment_cancelled");
    expect(cancelled.map((m) => [m.status, m.subject])).toEqual([
      ["queued", `Your consultation about your ankle on ${formatDateTime(start, siteZone)} is cancelled`],
    ]);
    expect(await jobRunAt(cancelled.map((m) => m.id))).toEqual([cancelled[0]!.sendAfter.toISOString()]);
  });

  it("queues nothing and cancels nothing when a move is refused (SC-1)", async () => {
    const { caseId, patientId } = await referred({ email: true });
    const booked = await consultation(caseId, siteAt(3, 17));
    await consultation(caseId, siteAt(6, 17));
    const before = await messagesOf(patientId);
    await expect(
      moveAppointment(team.reception, booked.id, { start: siteAt(6, 17).toISOString(), reason: "Clash" }),
    ).rejects.toMatchObject({ code: "SC-1" });
    expect(await messagesOf(patientId)).toEqual(before);
  });
});

describe("the post-operative visits", () => {
  it("sends no confirmation per visit: the recovery plan lists every visit booked, and each visit is reminded (PO-3)", async () => {
    const walked = await caseAt(team, "operated", { operatedDaysAgo: 1 });
    const email = `series-${walked.patientId}@example.org`;
    await prisma.patient.update({ where: { id: walked.patientId }, data: { email, contactByEmail: true } });
    const { items } = await bookPostOperativeSeries(
      team.nurse,
      walked.caseId,
      { dressingTime: "10:00", preview: false },
      siteAt(0, 0),
    );
    const booked = items.filter((i) => i.appointmentId);
    expect(booked.length).toBeGreaterThan(1);
    const messages = await messagesOf(walked.patientId);
    expect(messages.filter((m) => m.kind === "booking_confirmation")).toEqual([]);
    const plans = messages.filter((m) => m.kind === "post_op_plan");
    expect(plans).toHaveLength(1);
    for (const item of booked) expect(plans[0]!.body).toContain(`- ${formatDateTime(item.start!, siteZone)}: `);
    const reminded = new Set(messages.filter((m) => m.kind === "reminder").map((m) => m.appointmentId));
    expect(reminded).toEqual(new Set(booked.map((i) => i.appointmentId)));
  });

  it("cancels the reminders of the visits a healed wound ends and tells the patient they are cancelled (PO-3)", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    await prisma.patient.update({
      where: { id: patientId },
      data: { email: `healed-${patientId}@example.org`, contactByEmail: true },
    });
    const today = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(0, 8).toISOString(), homeVisit: true },
      siteAt(0, 0),
    );
    const later = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(2, 10).toISOString(), homeVisit: true },
      siteAt(0, 0),
    );
    await recordDressing(team.nurse, today.id, { woundState: "healed" }, siteAt(0, 23, 59));
    const messages = await prisma.message.findMany({ where: { appointmentId: later.id } });
    expect(messages.map((m) => `${m.kind} ${m.status}`).sort()).toEqual([
      "appointment_cancelled queued",
      "booking_confirmation queued",
      "reminder cancelled",
      "reminder cancelled",
    ]);
    const confirmation = messages.find((m) => m.kind === "booking_confirmation")!;
    expect(confirmation.body).toContain("at your home (the nurse will come to you)");
  });
});
