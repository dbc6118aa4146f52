// Demo mode's mailbox: the in-process SMTP server (lib/messages/mail-server.ts) saves every message
// it receives as an `.eml` file (RFC 5322, opens in any mail client) in one folder, named by the
// time of receipt and a counter so that the names sort in order of arrival. Nothing goes further.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startMailServer, type MailServer } from "@/lib/messages/mail-server";

/** The name of the `count`th message received at `at`: "2026-12-01T10-32-19-123Z-0001.eml". */
export const mailFileName = (at: Date, count: number) =>
  `${at.toISOString().replace(/[:.]/g, "-")}-${String(count).padStart(4, "0")}.eml`;

/**
 * Starts the SMTP server on 127.0.0.1 (any free port) and saves each message into `dir` (created,
 * readable by this user only: the messages hold patients' names and appointments). A file appears
 * whole: it is written under a temporary name and renamed.
 */
export async function startDemoMailbox(dir: string): Promise<MailServer & { dir: string }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let count = 0;
  const server = await startMailServer(({ raw }) => {
    count += 1;
    const file = path.join(dir, mailFileName(new Date(), count));
    writeFileSync(`${file}.part`, raw, { mode: 0o600 });
    renameSync(`${file}.part`, file);
  });
  return { ...server, dir };
}
