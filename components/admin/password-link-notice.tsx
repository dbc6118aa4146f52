"use client";

import { formatDateTime, localZone } from "@/lib/domain/date-format";
import { CopyableLink } from "@/components/ui/copyable-link";

export type IssuedLink = { name: string; url: string; expiresAt: string; first: boolean };

const until = (iso: string) => formatDateTime(iso, localZone());

/** A set-password link, shown once for the administrator to hand to the account's owner (AC-2). */
export function PasswordLinkNotice({ link, onDone }: { link: IssuedLink; onDone: () => void }) {
  return (
    <div role="status" className="alert ok">
      <p>
        <strong>{link.first ? `${link.name} is added.` : `A new set-password link for ${link.name}.`}</strong> Hand this
        link to {link.name} in person or by a channel only they read: it sets their password once, and works until{" "}
        {until(link.expiresAt)}. It is shown only now{link.first ? "" : "; older links no longer work"}.
      </p>
      <CopyableLink id="password-link" label={`Set-password link for ${link.name}`} url={link.url} onDone={onDone} />
    </div>
  );
}
