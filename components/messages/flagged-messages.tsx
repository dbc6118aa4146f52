"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { describeMessageState, formatShortDateTime } from "@/lib/domain/message-state";
import { api, apiAll } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { MessageView } from "@/lib/schemas/outbox";
import { ProblemMessage } from "@/components/ui/problem-message";
import { messageChannelLabel, messageKindLabel } from "./labels";
import { MessageText } from "./message-table";

/** One flagged message's buttons: "Try again", and "Mark as handled" after a confirmation. */
function FlaggedActions({ message, onDone }: { message: MessageView; onDone: (note: string) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const done = (note: string) => {
    setConfirming(false);
    onDone(note);
    void queryClient.invalidateQueries({ queryKey: ["messages"] });
  };
  const retry = useMutation({
    mutationFn: () => api(endpoints.retryMessage, { params: { id: message.id } }),
    onSuccess: () => done(`The message to ${message.patient.name} will be tried again.`),
  });
  const handled = useMutation({
    mutationFn: () => api(endpoints.markMessageHandled, { params: { id: message.id } }),
    onSuccess: () => done(`The message to ${message.patient.name} is marked handled.`),
  });
  const busy = retry.isPending || handled.isPending;
  return (
    <div className="row tight" role="group" aria-label={`What to do about the message to ${message.patient.name}`}>
      {confirming ? (
        <>
          <span>Has the patient been told another way (for example by phone)?</span>
          <button type="button" disabled={busy} onClick={() => handled.mutate()}>
            Yes, mark as handled
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Back
          </button>
        </>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => retry.mutate()}>
            Try again
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            Mark as handled…
          </button>
        </>
      )}
      {retry.error && <ProblemMessage error={retry.error} />}
      {handled.error && <ProblemMessage error={handled.error} />}
    </div>
  );
}

/**
 * Reception's panel of messages that could not be sent after every retry and that no one has
 * handled yet: each with its patient, what it was, why it failed, and "Try again" or "Mark as
 * handled" (after a confirmation).
 */
export function FlaggedMessages({ timeZone }: { timeZone: string }) {
  const [note, setNote] = useState<string | null>(null);
  const flagged = useQuery({
    queryKey: ["messages", "flagged"],
    queryFn: () => apiAll(endpoints.listMessages, { query: { flagged: "true", limit: 100 } }),
  });
  return (
    <section className="panel" aria-labelledby="flagged-messages-title">
      <h2 id="flagged-messages-title">Messages that could not be sent</h2>
      {note && (
        <p role="status" className="alert ok">
          {note}
        </p>
      )}
      {flagged.isPending && <p className="muted">Loading…</p>}
      {flagged.error && <ProblemMessage error={flagged.error} />}
      {flagged.data && flagged.data.items.length === 0 && (
        <p className="empty">Every message has gone, or someone has dealt with it.</p>
      )}
      {flagged.data && flagged.data.items.length > 0 && (
        <ul className="alerts">
          {flagged.data.items.map((message) => (
            <li key={message.id} className="alert-item">
              <p>
                <strong>
                  <Link href={`/reception/patients/${message.patient.id}`}>{message.patient.name}</Link> (
                  {message.patient.mrn})
                </strong>
                : {messageKindLabel[message.kind]} by {messageChannelLabel[message.channel].toLowerCase()} to{" "}
                {message.to}, written {formatShortDateTime(message.createdAt, timeZone)}.
              </p>
              <p>{describeMessageState(message, timeZone)}</p>
              <MessageText message={message} />
              <FlaggedActions message={message} onDone={setNote} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
