// Sending one queued message: the worker's "message.deliver" job. The row is locked while it is
// handed over, so two workers never send it twice; a failure is written down and retried with
// backoff by the queue, and after the last attempt the message is failed and flagged to reception.
// A patient-page link's token is put into the text only here, as it is handed over; the database
// erases its sealed copy once the message leaves the queue.
import { db } from "@/lib/db/client";
import { addJob } from "@/lib/jobs/queue";
import { openLinkToken, revealLink, sealingSecret } from "@/lib/messages/sealed-link";
import type { Attachment, Transports } from "@/lib/messages/transports";
import { deliveryJobKey } from "./outbox";

/** What became of a delivery attempt. "retry": it failed and the queue should try again. */
export type DeliveryResult = "sent" | "retry" | "failed" | "not_due" | "skipped";

type Row = {
  id: string;
  channel: "email" | "sms";
  status: string;
  recipient: string;
  subject: string | null;
  body: string;
  attachments: Attachment[];
  send_after: Date;
  link_secret: string | null;
};

/** The row's subject and text as they go out: a patient-page link's token put back in (sealed-link.ts). */
function outgoing(row: Row): { subject: string | null; body: string } {
  if (!row.link_secret) return { subject: row.subject, body: row.body };
  const token = openLinkToken(row.link_secret, row.id, sealingSecret());
  return { subject: row.subject && revealLink(row.subject, token), body: revealLink(row.body, token) };
}

/** Why a hand-over failed, in one short line for the outbox (no stack). */
const reasonOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);

/**
 * Sends message `messageId` through `transports` when it is still queued and due at `now`.
 * `attempt` is the job's attempt number (from 1) and `maxAttempts` its last: a failure before the
 * last answers "retry" (the caller throws, so the queue backs off and runs it again); at the last,
 * the message becomes "failed" (flagged to reception). A message no longer queued (sent,
 * cancelled, failed) is "skipped"; one not yet due is put back on the queue for its time
 * ("not_due"). Sending happens inside the row's lock, at most 60 seconds.
 */
export async function deliverMessage(
  messageId: string,
  transports: Transports,
  attempt: { attempt: number; maxAttempts: number },
  now: Date,
): Promise<DeliveryResult> {
  const outcome = await db().$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT id, channel::text AS channel, status::text AS status, recipient, subject, body, attachments, send_after,
               link_secret
        FROM message WHERE id = ${messageId}::uuid FOR UPDATE`;
      if (!row || row.status !== "queued") return { result: "skipped" as const };
      if (row.send_after > now) {
        await addJob(
          tx,
          "message.deliver",
          { messageId },
          { runAt: row.send_after, jobKey: deliveryJobKey(messageId) },
        );
        return { result: "not_due" as const };
      }
      try {
        const { subject, body } = outgoing(row);
        const delivered =
          row.channel === "email"
            ? await transports.email({
                to: row.recipient,
                subject: subject ?? "",
                text: body,
                attachments: row.attachments,
              })
            : await transports.sms({ to: row.recipient, text: body });
        await tx.message.update({
          where: { id: messageId },
          data: {
            status: "sent",
            sentAt: now,
            deliveredVia: delivered.via,
            attempts: { increment: 1 },
            lastAttemptAt: now,
          },
        });
        return { result: "sent" as const };
      } catch (error) {
        const last = attempt.attempt >= attempt.maxAttempts;
        await tx.message.update({
          where: { id: messageId },
          data: {
            attempts: { increment: 1 },
            lastAttemptAt: now,
            lastError: reasonOf(error),
            ...(last ? { status: "failed", failedAt: now } : {}),
          },
        });
        return { result: last ? ("failed" as const) : ("retry" as const) };
      }
    },
    { timeout: 60_000 },
  );
  return outcome.result;
}
