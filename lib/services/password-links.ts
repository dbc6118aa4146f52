// Set-password links (AC-2): the administrator hands a one-time link to the account's owner, who
// chooses the password; the administrator never knows it. Only the SHA-256 of the token is
// stored, so the table alone opens no account.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { passwordLinkLifetimeMs } from "@/lib/auth/lifetime";
import { hashPassword } from "@/lib/auth/passwords";
import { ruleCatalogue } from "@/lib/domain/rules";
import { db, type Tx } from "@/lib/db/client";
import { notFound, ruleViolation } from "@/lib/domain/errors";
import { recordAudit } from "./audit";

/** A link as issued: the token appears only here, never in the database. */
export type IssuedPasswordLink = { id: string; token: string; expiresAt: Date };

type PasswordLinkState =
  | { state: "valid"; name: string; email: string; expiresAt: Date }
  | { state: "used" | "superseded" | "expired" | "unknown" };

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The path of the public page that takes the link's token. */
export const setPasswordPath = (token: string) => `/set-password/${encodeURIComponent(token)}`;

/** Issues a link inside the caller's transaction, revoking the account's older unused links, and audits it. */
export async function issuePasswordLinkIn(
  tx: Tx,
  actor: Actor,
  staffId: string,
  now: Date,
): Promise<IssuedPasswordLink> {
  const token = randomBytes(32).toString("base64url");
  await tx.staffPasswordLink.updateMany({
    where: { staffId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const link = await tx.staffPasswordLink.create({
    data: {
      staffId,
      tokenHash: tokenHash(token),
      issuedById: actor.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + passwordLinkLifetimeMs),
    },
    select: { id: true, expiresAt: true },
  });
  await recordAudit(tx, actor, [
    { action: "staff.password_link", entity: "staff", entityId: staffId, detail: { linkId: link.id } },
  ]);
  return { id: link.id, token, expiresAt: link.expiresAt };
}

/**
 * A new set-password link for an account (a forgotten password, a lost link): older links stop
 * working at once; the current password works until the new link is used.
 * Errors: `not_found` when there is no such account.
 */
export async function issuePasswordLink(actor: Actor, staffId: string, now = new Date()): Promise<IssuedPasswordLink> {
  return db().$transaction(async (tx) => {
    // The account's row lock makes two links issued at once leave only the newer one working.
    const found = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM staff WHERE id = ${staffId}::uuid FOR UPDATE`;
    if (found.length === 0) throw notFound("The staff member");
    return issuePasswordLinkIn(tx, actor, staffId, now);
  });
}

type LinkState = "valid" | "used" | "superseded" | "expired";

function stateOf(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "superseded";
  return link.expiresAt <= now ? "expired" : "valid";
}

/** What the set-password page shows for a token: the form for a valid link, or why it no longer works. */
export async function passwordLinkState(token: string, now = new Date()): Promise<PasswordLinkState> {
  const link = await db().staffPasswordLink.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { usedAt: true, revokedAt: true, expiresAt: true, staff: { select: { name: true, email: true } } },
  });
  if (!link) return { state: "unknown" };
  const state = stateOf(link, now);
  return state === "valid"
    ? { state, name: link.staff.name, email: link.staff.email, expiresAt: link.expiresAt }
    : { state };
}

const why: Record<Exclude<LinkState, "valid">, string> = {
  used: "This link has already been used. Ask the administrator for a new one.",
  superseded: "A newer link was issued for this account. Use the newest one, or ask the administrator for a new one.",
  expired: "This link has expired. Ask the administrator for a new one.",
};

/**
 * The owner sets the account's password with the link's token: once, before it expires, and only
 * with the newest link (AC-2). Ends the account's open sessions and audits the change as the
 * owner's. Answers the account's email, for signing in.
 * Errors: `not_found` for an unknown token; `rule` AC-2 for a used, superseded or expired link (nothing written).
 */
export async function setPasswordWithLink(
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ email: string }> {
  const hash = tokenHash(input.token);
  const refuseUnusable = (link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null) => {
    if (!link) throw notFound("The set-password link");
    const state = stateOf(link, now);
    if (state !== "valid") throw ruleViolation("AC-2", why[state], ruleCatalogue["AC-2"]);
  };
  // Checked before the (deliberately slow) hashing, so a dead link costs the server nothing.
  refuseUnusable(
    await db().staffPasswordLink.findUnique({
      where: { tokenHash: hash },
      select: { usedAt: true, revokedAt: true, expiresAt: true },
    }),
  );
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    // Claiming the link is one conditional update, so two uses at once cannot both pass.
    const claimed = await tx.staffPasswordLink.updateMany({
      where: { tokenHash: hash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) {
      refuseUnusable(
        await tx.staffPasswordLink.findUnique({
          where: { tokenHash: hash },
          select: { usedAt: true, revokedAt: true, expiresAt: true },
        }),
      );
      throw ruleViolation("AC-2", why.used, ruleCatalogue["AC-2"]);
    }
    const link = await tx.staffPasswordLink.findUniqueOrThrow({
      where: { tokenHash: hash },
      select: { id: true, staffId: true },
    });
    const staff = await tx.staff.update({
      where: { id: link.staffId },
      data: { passwordHash },
      select: { id: true, name: true, role: true, email: true },
    });
    await tx.staffSession.updateMany({ where: { staffId: staff.id, endedAt: null }, data: { endedAt: now } });
    await recordAudit(tx, { id: staff.id, name: staff.name, role: staff.role }, [
      { action: "staff.password_set", entity: "staff", entityId: staff.id, detail: { linkId: link.id } },
    ]);
    return { email: staff.email };
  });
}
