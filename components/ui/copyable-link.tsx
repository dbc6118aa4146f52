"use client";

import { useState } from "react";

/**
 * A link shown once for staff to hand on: read-only (selected on focus), a "Copy the link" button
 * (clipboard) and "Done", which closes the notice.
 */
export function CopyableLink({
  id,
  label,
  url,
  size = 60,
  onDone,
}: {
  id: string;
  label: string;
  url: string;
  size?: number;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="row tight">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} readOnly value={url} size={size} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="field">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
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
  );
}
