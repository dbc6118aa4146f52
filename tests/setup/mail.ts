// The tests' mail server: a real SMTP server in the test process (lib/messages/mail-server.ts);
// each message it receives is parsed with mailparser, so tests read the subject, the recipient
// and the attachments as a mail client would.
import { simpleParser, type ParsedMail } from "mailparser";
import { startMailServer } from "@/lib/messages/mail-server";

export type TestMailbox = {
  url: string;
  /** Every message received so far, parsed, in order of arrival. */
  received: ParsedMail[];
  close(): Promise<void>;
};

export async function startTestMailbox(): Promise<TestMailbox> {
  const received: ParsedMail[] = [];
  const server = await startMailServer(async ({ raw }) => {
    received.push(await simpleParser(raw));
  });
  return { url: server.url, received, close: server.close };
}
