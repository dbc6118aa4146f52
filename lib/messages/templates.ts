// What the clinic writes to patients: one template per kind of message, in plain words, that the
// administrator can read (/admin/messages/templates). A template holds {placeholders}; the
// values are filled in when the message is queued, with times on the site's wall clock.
import type { MessageChannel, MessageKind } from "@/lib/domain/vocabulary";

/** The values a template may use; each is plain text, already formatted for the patient. */
export type MessageValues = {
  /** The patient's given name. */
  givenName: string;
  /** The clinic (site) name. */
  clinic: string;
  /** "please call us on 020 7946 0000", or "please call the clinic" when no number is set. */
  callUs: string;
  /** The appointment in words: "dressing visit", "operation (ankle arthroscopy)". */
  what?: string;
  /** Its day and time at the site: "Thu, 3 Dec 2026, 10:30". */
  when?: string;
  /** Where: the room's name. */
  where?: string;
  /** A moved appointment's earlier day and time. */
  previousWhen?: string;
  /** The post-operative plan, one line per date. */
  planLines?: string;
  /** The upcoming appointments, one line each (or that none is booked yet). */
  appointmentLines?: string;
  /** The plan's dates in a few sentences, for a text message. */
  planSummary?: string;
  /** The patient's page. */
  portalUrl?: string;
  /** The day the page's link stops working. */
  expiresOn?: string;
  /** Reception's reply to a request to move an appointment, as a sentence ("" when none). */
  reply?: string;
};

export type Placeholder = keyof MessageValues;

/** One kind's template: an email (subject and body) and a shorter text message. */
export type MessageTemplate = {
  kind: MessageKind;
  /** What the message is for, for staff. */
  purpose: string;
  email: { subject: string; body: string };
  sms: string;
};

const signOff = "With best wishes,\n{clinic}";

export const messageTemplates: Record<MessageKind, MessageTemplate> = {
  booking_confirmation: {
    kind: "booking_confirmation",
    purpose: "Sent when an appointment is booked.",
    email: {
      subject: "Your {what} on {when}",
      body: `Dear {givenName},\n\nYour {what} is booked for {when}, at {where}.\n\nIf you cannot come, {callUs}.\n\n${signOff}`,
    },
    sms: "{clinic}: your {what} is booked for {when}. If you cannot come, {callUs}.",
  },
  appointment_moved: {
    kind: "appointment_moved",
    purpose: "Sent when an appointment is moved to another time.",
    email: {
      subject: "Your {what} has moved to {when}",
      body: `Dear {givenName},\n\nYour {what} has moved from {previousWhen} to {when}, at {where}.\n\nIf the new time does not suit you, {callUs}.\n\n${signOff}`,
    },
    sms: "{clinic}: your {what} has moved from {previousWhen} to {when}. If this does not suit you, {callUs}.",
  },
  appointment_cancelled: {
    kind: "appointment_cancelled",
    purpose: "Sent when an appointment is cancelled.",
    email: {
      subject: "Your {what} on {when} is cancelled",
      body: `Dear {givenName},\n\nYour {what} on {when} has been cancelled. We will contact you if a new appointment is needed.\n\nIf you have a question, {callUs}.\n\n${signOff}`,
    },
    sms: "{clinic}: your {what} on {when} is cancelled. If you have a question, {callUs}.",
  },
  reminder: {
    kind: "reminder",
    purpose: "Sent before each appointment, at the times the site's policy sets.",
    email: {
      subject: "Reminder: your {what} on {when}",
      body: `Dear {givenName},\n\nThis is a reminder of your {what} on {when}, at {where}.\n\nIf you cannot come, {callUs}, so that someone else can have the time.\n\n${signOff}`,
    },
    sms: "{clinic}: reminder of your {what} on {when}. If you cannot come, {callUs}.",
  },
  post_op_plan: {
    kind: "post_op_plan",
    purpose:
      "Sent after the operation, when the post-operative dressings and physiotherapy are booked (and when staff send it again): the recovery plan with its dates, and the upcoming appointments as a calendar file.",
    email: {
      subject: "Your recovery plan after your ankle operation",
      body: `Dear {givenName},\n\nHere is your plan for the weeks after your operation:\n\n{planLines}\n\nYour appointments:\n\n{appointmentLines}\n\nIf anything else worries you, {callUs}.\n\n${signOff}`,
    },
    sms: "{clinic}: your recovery plan after your ankle operation. {planSummary} If anything worries you, {callUs}.",
  },
  portal_link: {
    kind: "portal_link",
    purpose: "Sent when staff give the patient a link to their own page.",
    email: {
      subject: "Your page at {clinic}",
      body: `Dear {givenName},\n\nYou can see your appointments and your recovery plan, tell us how much pain you have and ask to move an appointment on your own page:\n\n{portalUrl}\n\nThe link works until {expiresOn}. Please keep it to yourself: anyone with the link can see your page.\n\n${signOff}`,
    },
    sms: "{clinic}: your own page, until {expiresOn}: {portalUrl} Keep this link to yourself.",
  },
  move_request_declined: {
    kind: "move_request_declined",
    purpose:
      "Sent when reception could not move an appointment the patient asked to move on their page; it carries reception's reply.",
    email: {
      subject: "We could not move your {what} on {when}",
      body: `Dear {givenName},\n\nYou asked us to move your {what} on {when}. We are sorry: we could not move it, so it stays as booked, at {where}.{reply}\n\nIf you cannot come, {callUs}.\n\n${signOff}`,
    },
    sms: "{clinic}: we could not move your {what} on {when}; it stays as booked.{reply} If you cannot come, {callUs}.",
  },
};

const placeholderPattern = /\{([a-zA-Z]+)\}/g;

/** The placeholders a template text uses, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))];
}

/**
 * Fills `text`'s placeholders from `values`. Throws an Error naming the first placeholder that
 * has no value: a message is never sent with a hole in it.
 */
export function fill(text: string, values: MessageValues): string {
  return text.replace(placeholderPattern, (_, name: string) => {
    const value = values[name as Placeholder];
    if (value === undefined) throw new Error(`The message template needs {${name}}.`);
    return value;
  });
}

/** A rendered message: the subject (email only) and the text. */
export type RenderedMessage = { subject: string | null; body: string };

/** `kind`'s message on `channel`, filled from `values` (throws as `fill` does). */
export function renderMessage(kind: MessageKind, channel: MessageChannel, values: MessageValues): RenderedMessage {
  const template = messageTemplates[kind];
  if (channel === "sms") return { subject: null, body: fill(template.sms, values) };
  return { subject: fill(template.email.subject, values), body: fill(template.email.body, values) };
}
