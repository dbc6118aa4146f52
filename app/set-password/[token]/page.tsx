import { formatDateTime } from "@/lib/domain/date-format";
import type { Metadata } from "next";
import { passwordLinkState } from "@/lib/services/password-links";
import { Providers } from "@/components/providers";
import { SetPasswordForm } from "@/components/session/set-password-form";

// The token is in the address: it must not leave in a Referer header nor be indexed.
export const metadata: Metadata = {
  title: "Set your password",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

const refusals = {
  used: "This link has already been used. If you did not use it, tell the administrator, who can give you a new one.",
  superseded:
    "A newer link was issued for this account, so this one no longer works. Use the newest link, or ask the administrator for a new one.",
  expired: "This link has expired. Ask the administrator for a new one.",
  unknown: "This link is not valid. Check that it was copied whole, or ask the administrator for a new one.",
} as const;

const until = (at: Date) => `${formatDateTime(at, "UTC")} UTC`;

/** The public page a set-password link opens (AC-2): the form while the link works, or why it does not. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await passwordLinkState(token);
  return (
    <main className="login">
      <section className="panel">
        <h1>Set your password</h1>
        {link.state === "valid" ? (
          <>
            <p className="muted">
              For {link.name} ({link.email}). This link works once, until {until(link.expiresAt)}. Choose a password
              that only you know.
            </p>
            <Providers>
              <SetPasswordForm token={token} />
            </Providers>
          </>
        ) : (
          <>
            <p role="alert" className="alert error">
              {refusals[link.state]}
            </p>
            <p>
              <a href="/login">Go to sign in</a>
            </p>
          </>
        )}
      </section>
    </main>
  );
}
