import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verified against when no account matches, so an unknown email costs the same time as a known one.
export const decoyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$2u+u7dZhNh2ogxt5rEPX2g$CbApQsRS2mKi/n10cOKD9QZAgVaiTlGwJ8zyTqj6oPk";
