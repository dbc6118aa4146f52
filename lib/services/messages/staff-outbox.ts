// The outbox as staff use it: every message to patients with its state (the administrator's page,
// the patient's record), the failed ones flagged to reception, tried again or marked handled.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { conflict, notFound } from "@/lib/domain/errors";
import { addJob } from "@/lib/jobs/queue";
import { uuid } from "@/lib/schemas/common";
import type { MessageQuery, MessageView } from "@/lib/schemas/outbox";
import { recordAudit, recordListRead } from "../audit";
import { decodeCursor, encodeCursor } from "../cursor";
import { deliveryJobKey } from "./outbox";

// Newest first by creation, then id: the key of the last message shown.
const messageCursor = z.strictObject({ at: z.iso.datetime(), id: uuid });

const messageSelect = {
  id: true,
  channel: true,
  kind: true,
  status: true,
  recipient: true,
  subject: true,
  body: true,
  createdAt: true,
  sendAfter: true,
  sentAt: true,
  deliveredVia: true,
  lastError: true,
  attempts: true,
  lastAttemptAt: true,
  failedAt: true,
  handledAt: true,
  appointmentId: true,
  handledBy: { select: { id: true, name: true } },
  appointment: { select: { status: true } },
  patient: { select: { id: true, givenName: true, familyName: true, mrn: true } },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

const iso = (at: Date | null) => at?.toISOString() ?? null;

const present = (row: MessageRow, actor: Actor): MessageView => ({
  id: row.id,
  channel: row.channel,
  kind: row.kind,
  status: row.status,
  to: row.recipient,
  subject: row.subject,
  body: isAllowed(actor.role, "message.readText") ? row.body : null,
  createdAt: row.createdAt.toISOString(),
  sendAfter: row.sendAfter.toISOString(),
  sentAt: iso(row.sentAt),
  deliveredVia: row.deliveredVia,
  error: row.lastError,
  attempts: row.attempts,
  lastAttemptAt: iso(row.lastAttemptAt),
  failedAt: iso(row.failedAt),
  handledAt: iso(row.handledAt),
  handledBy: row.handledBy,
  appointmentId: row.appointmentId,
  appointmentCancelled: row.appointment ? row.appointment.status === "cancelled" : null,
  patient: {
    id: row.patient.id,
    name: `${row.patient.familyName.toUpperCase()}, ${row.patient.givenName}`,
    mrn: row.patient.mrn,
  },
});

/**
 * Messages to patients, newest first (by creation, then id), `query.limit` a page resumed after
 * `query.cursor`: one patient's (`patientId`, from the index on patient and creation), of one
 * `status`, or with `flagged: "true"` only the failed ones no one has handled. Each with its
 * patient's name ("FAMILY, Given") and MRN. Audited as one `message.read` list read naming the
 * patients shown. Throws `invalid` VALIDATION at `cursor` for a cursor this list did not return.
 */
export async function listMessages(
  actor: Actor,
  query: MessageQuery,
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, messageCursor) : null;
  const flagged = query.flagged === "true";
  const where: Prisma.MessageWhereInput = {
    ...(query.patientId ? { patientId: query.patientId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(flagged ? { status: "failed", handledAt: null } : {}),
    ...(after
      ? {
          OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }],
        }
      : {}),
  };
  // A flagged message that is not failed cannot be: a status filter other than failed finds none.
  if (flagged && query.status && query.status !== "failed") return { items: [], nextCursor: null };
  const rows = await db().message.findMany({
    where,
    select: messageSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((row) => present(row, actor));
  await recordListRead(db(), actor, {
    action: "message.read",
    entity: "message",
    itemPatientIds: items.map((m) => m.patient.id),
  });
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The message `id` locked for the rest of `tx`, or `not_found` NOT_FOUND. */
async function lockedMessage(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string; kind: string; handled_at: Date | null }[]>`
    SELECT id, status::text AS status, kind::text AS kind, handled_at FROM message WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw notFound("The message");
  return row;
}

const notFailed = () =>
  conflict(
    "MESSAGE_NOT_FAILED",
    "Only a message that could not be sent can be tried again or marked handled: this one is not failed.",
  );

/**
 * Tries a failed message again: it goes back to queued (no longer flagged: failedAt and any
 * handled mark cleared) with a new delivery job due at `now`, inside one transaction, audited as
 * `message.retry`. Its attempts so far and last error stay as history. Returns the message.
 * Throws `not_found` NOT_FOUND for no such message and `conflict` MESSAGE_NOT_FAILED (409,
 * nothing changed) for one that is not failed (queued, retrying by itself, sent, cancelled), and
 * `conflict` MESSAGE_LINK_GONE for a patient-page link's message: its token was erased when it
 * failed (only its hash is kept), so a new link must be made instead.
 */
export async function retryMessage(actor: Actor, id: string, now = new Date()): Promise<MessageView> {
  return db().$transaction(async (tx) => {
    const row = await lockedMessage(tx, id);
    if (row.status !== "failed") throw notFailed();
    if (row.kind === "portal_link")
      throw conflict(
        "MESSAGE_LINK_GONE",
        "This message held a link to the patient's page, which is not kept once a message fails: make a new link for the patient instead.",
      );
    const message = await tx.message.update({
      where: { id },
      data: { status: "queued", failedAt: null, handledAt: null, handledById: null },
      select: messageSelect,
    });
    await addJob(tx, "message.deliver", { messageId: id }, { runAt: now, jobKey: deliveryJobKey(id) });
    await recordAudit(tx, actor, [
      { action: "message.retry", entity: "message", entityId: id, patientId: message.patient.id },
    ]);
    return present(message, actor);
  });
}

/**
 * Marks a failed message handled at `now` by `actor` (reception called the patient instead): it
 * stays failed but is no longer flagged. Audited as `message.handle`; returns the message.
 * Throws `not_found` NOT_FOUND for no such message, `conflict` MESSAGE_NOT_FAILED for one that is
 * not failed and `conflict` MESSAGE_HANDLED for one already handled (409, nothing changed).
 */
export async function markMessageHandled(actor: Actor, id: string, now = new Date()): Promise<MessageView> {
  return db().$transaction(async (tx) => {
    const row = await lockedMessage(tx, id);
    if (row.status !== "failed") throw notFailed();
    if (row.handled_at) throw conflict("MESSAGE_HANDLED", "Someone has already marked this message handled.");
    const message = await tx.message.update({
      where: { id },
      data: { handledAt: now, handledById: actor.id },
      select: messageSelect,
    });
    await recordAudit(tx, actor, [
      { action: "message.handle", entity: "message", entityId: id, patientId: message.patient.id },
    ]);
    return present(message, actor);
  });
}
