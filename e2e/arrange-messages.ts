// Messages in the outbox for a journey to look at: written straight into the throwaway server's
// database, as the queue and the worker would leave them (the worker's own journey sends real
// ones). Plain SQL through pg: Playwright's loader cannot load the generated database client.
import { Client } from "pg";
import { e2eDatabaseUrl } from "../playwright.config";

/** A message as the worker leaves it: sent (by email) or failed after every attempt (flagged to reception). */
export type ArrangedMessage = {
  patientId: string;
  state: "sent" | "failed";
  channel: "email" | "sms";
  kind: "booking_confirmation" | "reminder";
  to: string;
  subject: string | null;
  body: string;
  /** When it was written (and sent or failed), ISO 8601. */
  at: string;
  attempts: number;
  error?: string;
};

/** Writes `messages` to the e2e database; returns their ids in order. */
export async function arrangeMessages(messages: ArrangedMessage[]): Promise<string[]> {
  const client = new Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const ids: string[] = [];
    for (const m of messages) {
      const sent = m.state === "sent";
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO message (patient_id, channel, kind, status, recipient, subject, body, send_after, created_at,
                              attempts, last_attempt_at, last_error, sent_at, delivered_via, failed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $8, $10, $11, $12, $13)
         RETURNING id`,
        [
          m.patientId,
          m.channel,
          m.kind,
          m.state,
          m.to,
          m.subject,
          m.body,
          m.at,
          m.attempts,
          m.error ?? null,
          sent ? m.at : null,
          sent ? (m.channel === "email" ? "smtp" : "recorded") : null,
          sent ? null : m.at,
        ],
      );
      ids.push(rows[0]!.id);
    }
    return ids;
  } finally {
    await client.end();
  }
}
