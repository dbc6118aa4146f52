"use client";

import { formatDateTime } from "@/lib/domain/date-format";
import { listingPriorities, priorityMeaning, type ListingPriority } from "@/lib/domain/waiting-list";
import { endpoints } from "@/lib/http/endpoints";
import type { CaseDetail } from "@/lib/schemas/case";
import { CommandFooter, formValues, useCaseCommand } from "./command";

type PriorityChange = NonNullable<NonNullable<CaseDetail["clinical"]>["listing"]>["priorityHistory"][number];

/** "P2 — within 1 month": a priority with its meaning, as every list and form shows it (WL-1). */
export const priorityText = (priority: ListingPriority) => `${priority} — ${priorityMeaning[priority]}`;

/**
 * The four clinical priorities as radio buttons with their meanings, none chosen: the surgeon
 * always chooses (WL-1). `current` is shown and cannot be chosen again.
 */
export function PriorityChoice({ name, legend, current }: { name: string; legend: string; current?: ListingPriority }) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {listingPriorities.map((p) => (
        <label key={p} className="inline block">
          <input type="radio" name={name} value={p} required disabled={p === current} /> {priorityText(p)}
          {p === current && " (current)"}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A surgeon changes the priority of a case waiting on the list, with the reason (WL-1); the
 * answer says what was recorded, or why it was refused.
 */
export function PriorityChangeForm({ caseId, current }: { caseId: string; current: ListingPriority }) {
  const command = useCaseCommand(endpoints.changeListingPriority, { id: caseId });
  const sent = command.variables as { priority?: ListingPriority } | undefined;
  return (
    <form
      // A new form once the change is recorded: the priority it held is now the current one.
      key={current}
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({ priority: f.get("newPriority"), reason: f.get("priorityReason") });
      }}
    >
      <p>Now {priorityText(current)}.</p>
      <PriorityChoice name="newPriority" legend="New priority" current={current} />
      <div className="field">
        <label htmlFor="priorityReason">Reason for the change</label>
        <textarea id="priorityReason" name="priorityReason" rows={2} required maxLength={500} />
      </div>
      <CommandFooter
        label="Change the priority"
        mutation={command}
        recorded={sent?.priority && `Priority changed to ${priorityText(sent.priority)}.`}
      />
    </form>
  );
}

/** Who changed the priority, when, from what to what and why, oldest first (WL-1: the history stays). */
export function PriorityHistory({ history, timeZone }: { history: PriorityChange[]; timeZone: string }) {
  return (
    <>
      <h4>Priority history</h4>
      {history.length === 0 ? (
        <p className="empty">No priority recorded.</p>
      ) : (
        <ol className="compact">
          {history.map((h, i) => (
            <li key={i}>
              {formatDateTime(h.at, timeZone)}, by {h.by}: {priorityChangeText(h)}
              <div className="muted">{h.reason}</div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** "Priority P4 → P2", or "Priority set to P2" at listing, for the history and the timeline. */
export const priorityChangeText = (h: Pick<PriorityChange, "from" | "to">) =>
  h.from ? `Priority ${h.from} → ${h.to}` : `Priority set to ${h.to}`;
