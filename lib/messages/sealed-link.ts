// A patient-page link travels in a message, but its token is stored only as a hash (the link's
// row) and must not sit in clear in the outbox either. The message is stored with the link's token
// replaced by a mark; the token waits, encrypted, in the message's `link_secret` until the message
// is handed over, when it is put back into the text (and the database erases the secret as the
// message leaves the queue: migration 20261206010000_portal_link_secret).
//
// Encryption: AES-256-GCM with a key derived by HKDF-SHA256 from the app's secret
// (NEXTAUTH_SECRET, which every process already shares), a fresh 96-bit IV per message, and the
// message's id as additional data, so a secret copied onto another row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** What the stored message holds where the link's token will go. */
export const hiddenLinkToken = "[link-hidden]";

const version = "v1";
const info = "ankle-pathway message link v1";

function keyOf(secret: string): Buffer {
  if (!secret) throw new Error("The app's secret (NEXTAUTH_SECRET) is not set: a link cannot be sealed or opened.");
  return Buffer.from(hkdfSync("sha256", secret, "", info, 32));
}

/** The app's secret the sealing key is derived from (NEXTAUTH_SECRET), or "" when unset. */
export const sealingSecret = () => process.env.NEXTAUTH_SECRET ?? "";

/**
 * `token` encrypted for message `messageId` with a key derived from `secret`: "v1." followed by
 * base64url(IV 12 bytes | tag 16 bytes | ciphertext). Throws an Error when `secret` is empty.
 */
export function sealLinkToken(token: string, messageId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  cipher.setAAD(Buffer.from(messageId, "utf8"));
  const text = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), text]).toString("base64url")}`;
}

/**
 * The token sealed by `sealLinkToken` for `messageId`. Throws an Error when the secret is not the
 * one it was sealed with, the text was altered, or it belongs to another message.
 */
export function openLinkToken(sealed: string, messageId: string, secret: string): string {
  const [tag, payload] = sealed.split(".");
  if (tag !== version || !payload) throw new Error("The message's link is not in a form this version reads.");
  const bytes = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(messageId, "utf8"));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The message's link could not be opened (was the app's secret changed?).");
  }
}

/** `text` with the hidden mark replaced by `token` (every occurrence). */
export const revealLink = (text: string, token: string) => text.split(hiddenLinkToken).join(token);
