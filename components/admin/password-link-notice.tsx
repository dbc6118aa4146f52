"use client";

import { formatDateTime, localZone } from "@/lib/domain/date-format";
import { useState } from "react";

export type IssuedLink = { name: string; url: string; expiresAt: string; first: boolean };

const until = (iso: string) => formatDateTime(iso, localZone());

/** A set-password link, shown once for the administrator to hand to the account's owner (AC-2). */
export function PasswordLinkNotice({ link, onDone }: { link: IssuedLink; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="alert ok">
      <p>
        <strong>{link.first ? `${link.name} is added.` : `A new set-password link for ${link.name}.`}</strong> Hand this
        link to {link.name} in person or by a channel only they read: it sets their password once, and works until{" "}
        {until(link.expiresAt)}. It is shown only now{link.first ? "" : "; older links no longer work"}.
      </p>
      <div className="row tight">
        <div className="field">
          <label htmlFor="password-link">Set-password link for {link.name}</label>
          <input id="password-link" readOnly value={link.url} size={60} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <div className="field">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              navigator.clipboard?.writeText(link.url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? "Copied" : "Copy the link"}
          </button>
        </div>
        <div className="field">
          <button type="button" className="secondary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
