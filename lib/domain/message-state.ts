// A message's state in the words staff read on the outbox, the patient's record and reception's
// panel: "Queued for Thu 3 Dec, 18:00", "Sent Tue 1 Dec, 10:02 by email", "Retrying: 2 attempts,
// last error …", "Failed after 8 attempts: …", "Cancelled (the appointment moved)".
import type { MessageChannel, MessageStatus } from "./vocabulary";

/** What the words are made from: a message as the outbox lists it (instants as ISO strings). */
export type MessageStateFacts = {
  status: MessageStatus;
  channel: MessageChannel;
  sendAfter: string;
  sentAt: string | null;
  attempts: number;
  error: string | null;
  handledAt: string | null;
  handledBy: { name: string } | null;
  appointmentId: string | null;
  appointmentCancelled: boolean | null;
};

/** "Thu 3 Dec, 18:00" on the site's wall clock (`timeZone`, an IANA name): the outbox's short form. */
export function formatShortDateTime(at: string | Date, timeZone: string): string {
  const date = new Date(at);
  const day = date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return `${day}, ${time}`;
}

const channelWords: Record<MessageChannel, string> = { email: "email", sms: "text message" };

const attemptsWords = (n: number) => `${n} attempt${n === 1 ? "" : "s"}`;

/**
 * The message's state in one sentence, times on the site's wall clock (`timeZone`). A failed
 * message says whether someone has handled it; a cancelled one why (its appointment moved or was
 * cancelled).
 */
export function describeMessageState(message: MessageStateFacts, timeZone: string): string {
  const at = (instant: string) => formatShortDateTime(instant, timeZone);
  switch (message.status) {
    case "sent":
      return `Sent ${at(message.sentAt ?? message.sendAfter)} by ${channelWords[message.channel]}`;
    case "queued":
      if (message.attempts > 0 && message.error)
        return `Retrying: ${attemptsWords(message.attempts)}, last error ${message.error}`;
      return `Queued for ${at(message.sendAfter)}`;
    case "failed": {
      const failed = `Failed after ${attemptsWords(message.attempts)}: ${message.error ?? "no reason given"}`;
      if (!message.handledAt) return failed;
      return `${failed}. Handled ${at(message.handledAt)}${message.handledBy ? ` by ${message.handledBy.name}` : ""}`;
    }
    case "cancelled":
      if (message.appointmentId === null) return "Cancelled";
      return message.appointmentCancelled
        ? "Cancelled (the appointment was cancelled)"
        : "Cancelled (the appointment moved)";
  }
}
