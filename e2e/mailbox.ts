// The demo mailbox of the server under test: the mail server inside the start script keeps every
// message it receives as an `.eml` file, read here as a mail client would (mailparser).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { e2eMailboxDir } from "../playwright.config";

/** Every message in the demo mailbox, parsed. */
export async function mailbox(): Promise<ParsedMail[]> {
  let names: string[];
  try {
    names = readdirSync(e2eMailboxDir).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
  return Promise.all(names.map((name) => simpleParser(readFileSync(path.join(e2eMailboxDir, name)))));
}

const addressedTo = (mail: ParsedMail, address: string) =>
  [mail.to ?? []].flat().some((to) => to.value.some((v) => v.address === address));

/** The mails to `address` received so far. */
export const mailsTo = async (address: string) => (await mailbox()).filter((mail) => addressedTo(mail, address));

/** The subjects of the mails to `address` received so far. */
export const subjectsTo = async (address: string) => (await mailsTo(address)).map((mail) => mail.subject);
