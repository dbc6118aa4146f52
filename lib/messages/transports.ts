// How messages leave the clinic: email over SMTP (nodemailer, SMTP_URL) and text messages
// through an SMS adapter. The default SMS adapter only records the message (the outbox row is
// the record); a provider is chosen by configuration (SMS_PROVIDER=webhook, ./sms-webhook.ts).
import nodemailer from "nodemailer";
import { checkSmsWebhook, smsWebhook } from "./sms-webhook";

/** A file sent with an email, its content as text (an iCalendar file). */
export type Attachment = { filename: string; contentType: string; content: string };

export type OutgoingEmail = { to: string; subject: string; text: string; attachments: Attachment[] };
export type OutgoingSms = { to: string; text: string };

/** What carried a message: "smtp", or the SMS adapter's name. */
export type Delivered = { via: string };

/** The ways out. Each throws an Error whose message says why a message could not be handed over. */
export type Transports = {
  email(message: OutgoingEmail): Promise<Delivered>;
  sms(message: OutgoingSms): Promise<Delivered>;
  close(): void;
};

/** Transport settings, from the environment (see README, "Messages"). */
export type TransportSettings = {
  /** smtp://user:password@host:port or smtps://…; without it no email can be sent. */
  smtpUrl?: string;
  /** The sender's address, e.g. "Ankle clinic <appointments@clinic.example>". */
  mailFrom?: string;
  /**
   * "record" (the default): the message is kept in the outbox only. "webhook": POSTed to
   * `smsWebhookUrl` with `smsWebhookToken` as a bearer token.
   */
  smsProvider?: string;
  /** SMS_WEBHOOK_URL: the provider's https endpoint. */
  smsWebhookUrl?: string;
  /** SMS_WEBHOOK_TOKEN: its bearer token (a secret: never logged nor kept in the outbox). */
  smsWebhookToken?: string;
};

/** The SMS adapters SMS_PROVIDER may name. */
export const smsProviders = ["record", "webhook"] as const;

export const defaultMailFrom = "Ankle clinic <appointments@clinic.example>";

/** The settings in `env` (SMTP_URL, MAIL_FROM, SMS_PROVIDER, SMS_WEBHOOK_URL, SMS_WEBHOOK_TOKEN); empty counts as unset. */
export function transportSettings(env: Record<string, string | undefined> = process.env): TransportSettings {
  return {
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    smsProvider: env.SMS_PROVIDER || undefined,
    smsWebhookUrl: env.SMS_WEBHOOK_URL || undefined,
    smsWebhookToken: env.SMS_WEBHOOK_TOKEN || undefined,
  };
}

/**
 * What is wrong with `settings` for sending, in words that say what to set: an SMS_PROVIDER no
 * adapter has, or the webhook's missing or unsafe URL. Empty when they are usable. (A missing
 * SMTP_URL is not here: demo mode runs without one; scripts/worker.ts decides.)
 */
export function transportProblems(settings: TransportSettings): string[] {
  const provider = settings.smsProvider ?? "record";
  if (!(smsProviders as readonly string[]).includes(provider))
    return [
      `SMS_PROVIDER "${provider.slice(0, 40)}" is not known: use ${smsProviders.join(" or ")}, or leave it unset.`,
    ];
  if (provider !== "webhook") return [];
  try {
    checkSmsWebhook({ url: settings.smsWebhookUrl });
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

/** Where mail goes, for a log line: the SMTP server's host and port, never its user or password. */
export function mailServerOf(settings: TransportSettings): string | null {
  if (!settings.smtpUrl) return null;
  try {
    const url = new URL(settings.smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "an SMTP_URL that is not a URL";
  }
}

/** The record-only SMS adapter: hands nothing over, so the outbox row is the message's only trace. */
const recordOnly = { sms: async (): Promise<Delivered> => ({ via: "recorded" }) };

/** The transports `settings` describe. Throws an Error with the first of `transportProblems(settings)`. */
export function createTransports(settings: TransportSettings): Transports {
  const [problem] = transportProblems(settings);
  if (problem) throw new Error(problem);
  const sms =
    settings.smsProvider === "webhook"
      ? smsWebhook({ url: settings.smsWebhookUrl!, token: settings.smsWebhookToken })
      : recordOnly.sms;
  const mailer = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  return {
    async email(message) {
      if (!mailer) throw new Error("No mail server is set up (SMTP_URL).");
      await mailer.sendMail({
        from: settings.mailFrom ?? defaultMailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      return { via: "smtp" };
    },
    sms,
    close: () => mailer?.close(),
  };
}
