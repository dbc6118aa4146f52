// A patient-page link's token waits in the outbox sealed (AES-256-GCM, key from the app's secret),
// bound to its message: it opens only with the same secret, for the same message, unaltered.
import { describe, expect, it } from "vitest";
import { hiddenLinkToken, openLinkToken, revealLink, sealLinkToken } from "@/lib/messages/sealed-link";

const secret = "a-test-secret-of-reasonable-length-0123456789";
const token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
const messageId = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";

describe("a sealed link token", () => {
  it("opens to the token with the same secret for the same message, and never holds it in clear", () => {
    const sealed = sealLinkToken(token, messageId, secret);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(token);
    expect(openLinkToken(sealed, messageId, secret)).toBe(token);
    expect(sealLinkToken(token, messageId, secret)).not.toBe(sealed);
  });

  it("does not open with another secret, for another message, or altered", () => {
    const sealed = sealLinkToken(token, messageId, secret);
    expect(() => openLinkToken(sealed, messageId, `${secret}x`)).toThrow(/could not be opened/);
    expect(() => openLinkToken(sealed, "00000000-0000-4000-8000-000000000000", secret)).toThrow(/could not be opened/);
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.at(-1)}`;
    expect(() => openLinkToken(altered, messageId, secret)).toThrow();
    expect(() => sealLinkToken(token, messageId, "")).toThrow(/NEXTAUTH_SECRET/);
  });

  it("puts the token back wherever the message hides it", () => {
    const text = `Open https://clinic.example/portal/${hiddenLinkToken} (again: /portal/${hiddenLinkToken})`;
    expect(revealLink(text, token)).toBe(`Open https://clinic.example/portal/${token} (again: /portal/${token})`);
  });
});
