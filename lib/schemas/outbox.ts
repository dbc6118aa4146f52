// The outbox as staff read it: messages to patients, newest first, with each one's state.
import { z } from "zod";
import { messageChannels, messageKinds, messageStatuses } from "@/lib/domain/vocabulary";
import { page, pageQuery, uuid } from "./common";

/** `GET /api/v1/messages`: one patient's, one state's, or only those flagged to reception. */
export const messageQuery = pageQuery.extend({
  patientId: uuid.optional(),
  status: z.enum(messageStatuses).optional(),
  /** "true": only failed messages no one has marked handled yet (reception's panel). */
  flagged: z.enum(["true", "false"]).optional(),
});
export type MessageQuery = z.infer<typeof messageQuery>;

export const messageView = z
  .object({
    id: z.string(),
    channel: z.enum(messageChannels),
    kind: z.enum(messageKinds),
    status: z.enum(messageStatuses),
    /** The email address or phone number it went (or goes) to. */
    to: z.string(),
    /** An email's subject; null for a text message. */
    subject: z.string().nullable(),
    /**
     * What the patient reads, as rendered when the message was queued; null for a role that sees
     * messages' states but not their contents (the administrator).
     */
    body: z.string().nullable(),
    /** Instants (ISO 8601, UTC). */
    createdAt: z.string(),
    sendAfter: z.string(),
    sentAt: z.string().nullable(),
    /** What carried it: "smtp", or the SMS adapter's name ("recorded": kept, not sent to a phone). */
    deliveredVia: z.string().nullable(),
    /** The last attempt's failure, in one line; null when none failed. */
    error: z.string().nullable(),
    attempts: z.number().int(),
    lastAttemptAt: z.string().nullable(),
    /** Set when every retry failed: flagged to reception until handled. */
    failedAt: z.string().nullable(),
    handledAt: z.string().nullable(),
    handledBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    appointmentId: z.string().nullable(),
    /** Whether the appointment it is about was cancelled (a cancelled reminder's reason). */
    appointmentCancelled: z.boolean().nullable(),
    patient: z.object({ id: z.string(), name: z.string(), mrn: z.string() }),
  })
  .meta({ id: "Message" });
export type MessageView = z.infer<typeof messageView>;
export const messagePage = page(messageView).meta({ id: "MessagePage" });
