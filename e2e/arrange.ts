// What a test needs from an earlier clock: the API books only ahead of the server's clock, so a
// visit booked this morning cannot be booked through it late in the evening. Such arrangements
// go through the same booking service as the API, as the demo receptionist, with the clock the
// booking would have had (./arrange-command.ts); the test then acts through the browser at the
// real clock.
import { execFileSync } from "node:child_process";
import pg from "pg";
import type { AppointmentInput } from "@/lib/schemas/appointment";
import { e2eDatabaseUrl } from "../playwright.config";

/** Books as the demo receptionist, as if at `clock`; returns the appointment's id. */
export function bookAsOf(clock: Date, input: AppointmentInput): string {
  return execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "e2e/arrange-command.ts",
      e2eDatabaseUrl,
      clock.toISOString(),
      JSON.stringify(input),
    ],
    {
      encoding: "utf8",
    },
  );
}

/**
 * Puts an email for `patientId` straight into the outbox with its delivery job, as the outbox
 * service does inside a booking's transaction (a row, then graphile_worker.add_job as
 * lib/jobs/queue.ts's addJob), due now; returns the message's id. For a test of the worker and
 * the mail path that needs no particular notice.
 */
export async function queueEmail(patientId: string, email: { to: string; subject: string; body: string }) {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO message (patient_id, channel, kind, recipient, subject, body, attachments, send_after, created_at)
       VALUES ($1, 'email', 'portal_link', $2, $3, $4, '[]'::jsonb, now() - interval '1 minute', now()) RETURNING id`,
      [patientId, email.to, email.subject, email.body],
    );
    const id = rows[0]!.id;
    await client.query(
      `SELECT graphile_worker.add_job('message.deliver', json_build_object('messageId', $1::text),
         run_at := now(), job_key := 'message:' || $1::text)`,
      [id],
    );
    await client.query("COMMIT");
    return id;
  } finally {
    await client.end();
  }
}

/**
 * A link to the page of a demo patient who consents to email, with an appointment still to come
 * (made as of `clock`).
 */
export function portalLinkAsOf(clock: Date): {
  token: string;
  appointmentId: string;
  patientName: string;
  patientEmail: string;
} {
  const printed = execFileSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "e2e/arrange-portal.ts", e2eDatabaseUrl, clock.toISOString()],
    { encoding: "utf8" },
  );
  return JSON.parse(printed);
}
