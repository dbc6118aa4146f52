// The patient's own page is opened by a link holding a long random token. The token is shown
// once, to the staff member who makes the link (and sent to the patient); the database keeps
// only its SHA-256. A link works until it expires or staff revoke it.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { DomainError, notFoundBecause } from "@/lib/domain/errors";

/** Random bytes in a token: 256 bits, written as 43 base64url characters. */
export const portalTokenBytes = 32;

/** A token's stored form: SHA-256, 64 hex digits. */
export const hashPortalToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A new token and its hash. */
export function newPortalToken(): { token: string; tokenHash: string } {
  const token = randomBytes(portalTokenBytes).toString("base64url");
  return { token, tokenHash: hashPortalToken(token) };
}

/** Whether `token` has the shape of one of ours (43 base64url characters): anything else is not looked up. */
export const isPortalTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** What an open link gives: whose page it is, through which link, until when. */
export type PortalSession = { linkId: string; patientId: string; expiresAt: Date };

/** `forbidden` PORTAL_LINK_EXPIRED or PORTAL_LINK_REVOKED: the link was real but no longer opens the page. */
const closed = (code: "PORTAL_LINK_EXPIRED" | "PORTAL_LINK_REVOKED", message: string) =>
  new DomainError("forbidden", code, message);

/**
 * The page `token` opens at `now`, inside `tx`; stamps the link's lastUsedAt. Throws a DomainError:
 * `not_found` NOT_FOUND for a token that is no link of ours (whatever its shape), `forbidden`
 * PORTAL_LINK_REVOKED for a link staff withdrew, PORTAL_LINK_EXPIRED for one past its expiry.
 */
export async function openPortal(tx: Tx, token: string, now: Date): Promise<PortalSession> {
  const invalid = notFoundBecause("This link is not valid. Please ask the clinic for a new one.");
  if (!isPortalTokenShaped(token)) throw invalid;
  const link = await tx.portalLink.findUnique({
    where: { tokenHash: hashPortalToken(token) },
    select: { id: true, patientId: true, expiresAt: true, revokedAt: true },
  });
  if (!link) throw invalid;
  if (link.revokedAt)
    throw closed("PORTAL_LINK_REVOKED", "This link has been withdrawn. Please ask the clinic for a new one.");
  if (link.expiresAt <= now)
    throw closed("PORTAL_LINK_EXPIRED", "This link has expired. Please ask the clinic for a new one.");
  await tx.portalLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  return { linkId: link.id, patientId: link.patientId, expiresAt: link.expiresAt };
}
