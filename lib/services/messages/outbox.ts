// Queuing messages to a patient: rendered from the kind's template, one row per channel the
// patient consents to and has an address for, and one job per row, all inside the caller's
// transaction: a change that rolls back sends nothing.
import type { Tx } from "@/lib/db/client";
import { policiesOf } from "@/lib/domain/policies";
import { messageChannels, type MessageChannel, type MessageKind } from "@/lib/domain/vocabulary";
import { addJob, removeJob } from "@/lib/jobs/queue";
import { renderMessage, type MessageValues } from "@/lib/messages/templates";
import type { Attachment } from "@/lib/messages/transports";

/** One message to queue for one patient. */
export type MessageRequest = {
  patientId: string;
  /** The site whose name signs the message and whose phone number it gives. */
  siteId: string;
  /** The appointment it is about, if any (its reminders are cancelled with it). */
  appointmentId?: string | null;
  kind: MessageKind;
  /** The earliest instant it may go: now for a notice, the reminder's time for a reminder. */
  sendAfter: Date;
  /** The template's values beyond the patient's name, the clinic and how to call it (filled here). */
  values: Omit<MessageValues, "givenName" | "clinic" | "callUs">;
  attachments?: Attachment[];
  /**
   * Makes the message once-only: a message whose key (with its channel appended) was queued
   * before is not queued again, whatever became of it.
   */
  dedupeKey?: string;
};

/** A queued message: its row id and channel. */
export type QueuedMessage = { id: string; channel: MessageChannel };

/** The job key of a message's delivery job. */
export const deliveryJobKey = (messageId: string) => `message:${messageId}`;

/** One channel's once-only key of a message queued with `dedupeKey`. */
const channelKey = (dedupeKey: string, channel: MessageChannel) => `${dedupeKey}:${channel}`;

/**
 * Queues `request` inside `tx` on each channel the patient consents to (contact preferences) and
 * has an address for; returns the messages queued (none without consent, or when every
 * channel's dedupe key was queued before). `now` stamps the rows. Throws an Error when the
 * template needs a value `request.values` lacks (a programming error, not the patient's).
 */
export async function queueMessage(tx: Tx, request: MessageRequest, now: Date): Promise<QueuedMessage[]> {
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: request.patientId },
    select: { givenName: true, email: true, phone: true, contactByEmail: true, contactBySms: true },
  });
  const site = await tx.site.findUniqueOrThrow({
    where: { id: request.siteId },
    select: { name: true, policies: true },
  });
  const phone = policiesOf(site.policies).clinicPhone;
  const values: MessageValues = {
    ...request.values,
    givenName: patient.givenName,
    clinic: site.name,
    callUs: phone ? `please call us on ${phone}` : "please call the clinic",
  };
  const recipients: { channel: MessageChannel; to: string }[] = [];
  if (patient.contactByEmail && patient.email) recipients.push({ channel: "email", to: patient.email });
  if (patient.contactBySms && patient.phone) recipients.push({ channel: "sms", to: patient.phone });
  const queued: QueuedMessage[] = [];
  for (const { channel, to } of recipients) {
    const { subject, body } = renderMessage(request.kind, channel, values);
    const attachments = channel === "email" ? (request.attachments ?? []) : [];
    const dedupeKey = request.dedupeKey ? channelKey(request.dedupeKey, channel) : null;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO message (patient_id, appointment_id, channel, kind, recipient, subject, body, attachments,
                           dedupe_key, send_after, created_at)
      VALUES (${request.patientId}::uuid, ${request.appointmentId ?? null}::uuid, ${channel}::"MessageChannel",
              ${request.kind}::"MessageKind", ${to}, ${subject}, ${body}, ${JSON.stringify(attachments)}::jsonb,
              ${dedupeKey}, ${request.sendAfter}, ${now})
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id`;
    for (const { id } of rows) {
      await addJob(tx, "message.deliver", { messageId: id }, { runAt: request.sendAfter, jobKey: deliveryJobKey(id) });
      queued.push({ id, channel });
    }
  }
  return queued;
}

/**
 * Cancels, inside `tx`, the messages queued with any of `dedupeKeys` (the keys given to
 * queueMessage) that have not gone yet, on every channel, and removes their waiting jobs.
 * Returns how many were cancelled.
 */
export async function cancelQueuedMessagesByKey(tx: Tx, dedupeKeys: string[]): Promise<number> {
  const keys = dedupeKeys.flatMap((key) => messageChannels.map((channel) => channelKey(key, channel)));
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE message SET status = 'cancelled'
    WHERE dedupe_key = ANY(${keys}::text[]) AND status = 'queued'
    RETURNING id`;
  for (const { id } of rows) await removeJob(tx, deliveryJobKey(id));
  return rows.length;
}

/**
 * Cancels, inside `tx`, the messages of `kinds` about `appointmentId` that have not gone yet
 * (a moved or cancelled appointment's reminders), and removes their waiting jobs. Returns how
 * many were cancelled.
 */
export async function cancelQueuedMessages(tx: Tx, appointmentId: string, kinds: MessageKind[]): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE message SET status = 'cancelled'
    WHERE appointment_id = ${appointmentId}::uuid AND status = 'queued' AND kind::text = ANY(${kinds}::text[])
    RETURNING id`;
  for (const { id } of rows) await removeJob(tx, deliveryJobKey(id));
  return rows.length;
}
