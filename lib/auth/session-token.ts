// The session token: next-auth's own format (a JWE, "dir" + A256GCM, under a key derived from
// NEXTAUTH_SECRET with HKDF-SHA256), read and written here with the key derived once per secret
// instead of on every request. next-auth (sign-in, sign-out), the proxy and the route handlers
// all use these two functions, so a token made by one is read by the others.

import { hkdf } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const keys = new Map<string, Promise<Uint8Array>>();

/** next-auth 4's key: HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key[ (salt)]"), 32 bytes. */
function keyFor(secret: string | Buffer, salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Promise((resolve, reject) =>
      hkdf("sha256", secret, salt, info, 32, (error, bytes) =>
        error ? reject(error) : resolve(new Uint8Array(bytes)),
      ),
    );
    keys.set(id, key);
  }
  return key;
}

/** Seconds since the epoch, whole. */
const epochSeconds = () => Math.floor(Date.now() / 1000);

/** Encrypts `token`, valid for `maxAge` seconds (default 30 days, as next-auth's). */
export async function encodeSession({ token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt }: JWTEncodeParams) {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(epochSeconds() + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await keyFor(secret, salt));
}

/** The token's claims, or null when there is none; throws when it is forged, altered or expired (15 s tolerance). */
export async function decodeSession({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/** The claims of `token`, or null when it is missing, forged, altered or expired. */
export async function readSessionToken(token: string | undefined, secret: string | undefined): Promise<JWT | null> {
  if (!token || !secret) return null;
  return decodeSession({ token, secret }).catch(() => null);
}
