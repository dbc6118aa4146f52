// How messages leave the clinic: email over SMTP (nodemailer, SMTP_URL) and text messages
// through an SMS adapter. The default SMS adapter only records the message (the outbox row is
// the record); a provider is chosen by configuration (SMS_PROVIDER).
import nodemailer from "nodemailer";

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
  /** "record" (the default): the message is kept in the outbox only. */
  smsProvider?: string;
};

export const defaultMailFrom = "Ankle clinic <appointments@clinic.example>";

/** The settings in `env` (SMTP_URL, MAIL_FROM, SMS_PROVIDER). */
export function transportSettings(env: NodeJS.ProcessEnv = process.env): TransportSettings {
  return { smtpUrl: env.SMTP_URL || undefined, mailFrom: env.MAIL_FROM || undefined, smsProvider: env.SMS_PROVIDER };
}

/** The record-only SMS adapter: hands nothing over, so the outbox row is the message's only trace. */
const recordOnly = { sms: async (): Promise<Delivered> => ({ via: "recorded" }) };

/** The transports `settings` describe. Throws an Error when SMS_PROVIDER names no known adapter. */
export function createTransports(settings: TransportSettings): Transports {
  const provider = settings.smsProvider ?? "record";
  if (provider !== "record")
    throw new Error(`SMS_PROVIDER "${provider}" is not known; leave it unset to record text messages only.`);
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
    sms: recordOnly.sms,
    close: () => mailer?.close(),
  };
}
