// Staff make, list and withdraw the links to a patient's own page. The token is shown once, to the
// staff member who makes the link, and sent to the patient in a message; the database keeps only
// its SHA-256 (access.ts), and the message keeps it only sealed while queued (sealed-link.ts).
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { formatDay } from "@/lib/domain/date-format";
import { notFound } from "@/lib/domain/errors";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf } from "@/lib/domain/time";
import type { MessageChannel } from "@/lib/domain/vocabulary";
import { hiddenLinkToken, sealLinkToken, sealingSecret } from "@/lib/messages/sealed-link";
import { instant, uuid } from "@/lib/schemas/common";
import { z } from "zod";
import { recordAudit, recordListRead } from "../audit";
import { decodeCursor, encodeCursor } from "../cursor";
import { cancelQueuedMessagesByKey, queueMessage } from "../messages/outbox";
import { newPortalToken } from "./access";

/** The path of the patient's page for `token`. */
export const portalPath = (token: string) => `/portal/${token}`;

/** A link as made: the token appears only here. `sentBy`: the channels its message was queued on. */
export type IssuedPortalLink = { id: string; token: string; expiresAt: Date; sentBy: MessageChannel[] };

/** What a link is at an instant. */
export type PortalLinkState = "active" | "expired" | "revoked";

/** A link as staff see it in the list: never its token. */
export type PortalLinkSummary = {
  id: string;
  state: PortalLinkState;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

const dayMs = 24 * 60 * 60 * 1000;

/** The once-only key of the message that carries link `linkId`. */
const linkMessageKey = (linkId: string) => `portal_link:${linkId}`;

/** A link's state at `now`: withdrawn wins over expired. */
export function portalLinkState(link: { revokedAt: Date | null; expiresAt: Date }, now: Date): PortalLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt <= now ? "expired" : "active";
}

/**
 * Makes a link to patient `patientId`'s page, valid for the actor's site's `portalLinkDays`
 * from `now`, audits it, and queues the `portal_link` message (on the channels the patient
 * consents to) in the same transaction. `pageUrl(token)` is the page's absolute address: the
 * message is stored with the token hidden and the token sealed beside it (sealed-link.ts).
 * The patient's earlier working links are withdrawn (each audited `portal.link_revoke`, detail
 * `{replacedBy}`) and their messages still waiting cancelled: a patient has one working link, so
 * a lost or forwarded link dies when staff make a new one. Links for one patient are made one at
 * a time (the patient row is locked), so links made at once leave one working.
 * Errors: `not_found` when there is no such patient.
 */
export async function issuePortalLink(
  actor: Actor,
  patientId: string,
  pageUrl: (token: string) => string,
  now = new Date(),
): Promise<IssuedPortalLink> {
  return db().$transaction(async (tx) => {
    const [patient] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM patient WHERE id = ${patientId}::uuid FOR NO KEY UPDATE`;
    if (!patient) throw notFound("The patient");
    const { site } = await tx.staff.findUniqueOrThrow({
      where: { id: actor.id },
      select: { site: { select: { id: true, timeZone: true, policies: true } } },
    });
    const { token, tokenHash } = newPortalToken();
    const expiresAt = new Date(now.getTime() + policiesOf(site.policies).portalLinkDays * dayMs);
    const link = await tx.portalLink.create({
      data: { patientId, tokenHash, createdAt: now, createdById: actor.id, expiresAt },
      select: { id: true },
    });
    const replaced = await withdrawEarlierLinks(tx, actor, patientId, link.id, now);
    await recordAudit(tx, actor, [
      { action: "portal.link_issue", entity: "portal_link", entityId: link.id, patientId },
      ...replaced.map((id) => ({
        action: "portal.link_revoke",
        entity: "portal_link",
        entityId: id,
        patientId,
        detail: { replacedBy: link.id },
      })),
    ]);
    const queued = await queueMessage(
      tx,
      {
        patientId,
        siteId: site.id,
        kind: "portal_link",
        sendAfter: now,
        values: { portalUrl: pageUrl(hiddenLinkToken), expiresOn: formatDay(dayOf(expiresAt, site.timeZone)) },
        dedupeKey: linkMessageKey(link.id),
      },
      now,
    );
    await sealIntoMessages(
      tx,
      token,
      queued.map((m) => m.id),
    );
    return { id: link.id, token, expiresAt, sentBy: queued.map((m) => m.channel) };
  });
}

/**
 * Withdraws, at `now`, patient `patientId`'s links still working other than `newLinkId`, and
 * cancels their `portal_link` messages still waiting. Answers the withdrawn links' ids.
 */
async function withdrawEarlierLinks(
  tx: Tx,
  actor: Actor,
  patientId: string,
  newLinkId: string,
  now: Date,
): Promise<string[]> {
  const working = await tx.portalLink.findMany({
    where: { patientId, id: { not: newLinkId }, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  const ids = working.map((l) => l.id);
  if (ids.length === 0) return [];
  await tx.portalLink.updateMany({ where: { id: { in: ids } }, data: { revokedAt: now, revokedById: actor.id } });
  await cancelQueuedMessagesByKey(tx, ids.map(linkMessageKey));
  return ids;
}

/** Puts `token`, sealed for each message, beside the messages that carry the link. */
async function sealIntoMessages(tx: Tx, token: string, messageIds: string[]): Promise<void> {
  const secret = sealingSecret();
  for (const id of messageIds) {
    await tx.message.update({ where: { id }, data: { linkSecret: sealLinkToken(token, id, secret) } });
  }
}

const summarySelect = {
  id: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
} as const;

type SummaryRow = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string };
  revokedBy: { name: string } | null;
};

const summaryOf = (link: SummaryRow, now: Date): PortalLinkSummary => ({
  id: link.id,
  state: portalLinkState(link, now),
  createdAt: link.createdAt,
  createdBy: link.createdBy.name,
  expiresAt: link.expiresAt,
  lastUsedAt: link.lastUsedAt,
  revokedAt: link.revokedAt,
  revokedBy: link.revokedBy?.name ?? null,
});

/**
 * Withdraws link `linkId` at `now` (the page stops opening at once), audits it, and answers the
 * link as it now is. Withdrawing a withdrawn link changes nothing and is not an error.
 * Errors: `not_found` for an unknown link.
 */
export async function revokePortalLink(actor: Actor, linkId: string, now = new Date()): Promise<PortalLinkSummary> {
  return db().$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ patient_id: string; revoked_at: Date | null }[]>`
      SELECT patient_id, revoked_at FROM portal_link WHERE id = ${linkId}::uuid FOR UPDATE`;
    if (!link) throw notFound("The patient-page link");
    if (!link.revoked_at) {
      await tx.portalLink.update({ where: { id: linkId }, data: { revokedAt: now, revokedById: actor.id } });
      await recordAudit(tx, actor, [
        { action: "portal.link_revoke", entity: "portal_link", entityId: linkId, patientId: link.patient_id },
      ]);
    }
    return summaryOf(await tx.portalLink.findUniqueOrThrow({ where: { id: linkId }, select: summarySelect }), now);
  });
}

const linkCursor = z.strictObject({ createdAt: instant, id: uuid });

/**
 * Patient `patientId`'s links, newest first, `limit` a page (`cursor` resumes after a page's
 * last), each with its state at `now` and never a token; audited as one read.
 * Errors: `not_found` when there is no such patient; `invalid` for a cursor this list did not give.
 */
export async function listPortalLinks(
  actor: Actor,
  patientId: string,
  query: { limit: number; cursor?: string },
  now = new Date(),
): Promise<{ items: PortalLinkSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, linkCursor) : null;
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { id: true } });
    if (!patient) throw notFound("The patient");
    const rows = await tx.portalLink.findMany({
      where: {
        patientId,
        ...(after
          ? {
              OR: [
                { createdAt: { lt: new Date(after.createdAt) } },
                { createdAt: new Date(after.createdAt), id: { gt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: query.limit + 1,
      select: summarySelect,
    });
    const links = rows.slice(0, query.limit);
    await recordListRead(tx, actor, {
      action: "portal.link_list",
      entity: "portal_link",
      itemPatientIds: links.map(() => patientId),
    });
    const last = links.at(-1);
    return {
      items: links.map((link) => summaryOf(link, now)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  });
}
