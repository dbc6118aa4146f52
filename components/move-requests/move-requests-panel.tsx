"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { formatDateTime } from "@/lib/domain/date-format";
import { apiAll, api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { MoveRequestView } from "@/lib/schemas/move-requests";
import { kindLabel } from "@/components/appointments/labels";
import { ProblemMessage } from "@/components/ui/problem-message";

type Outcome = "done" | "declined";

const outcomeWords: Record<Outcome, { action: string; confirm: string; done: string }> = {
  done: { action: "Mark as moved", confirm: "Yes, mark as moved", done: "marked as moved" },
  declined: { action: "Could not move", confirm: "Yes, could not move", done: "marked as not moved" },
};

/** One open request: who, which appointment, their note, and closing it after a confirmation. */
function RequestItem({
  request,
  timeZone,
  onHandled,
}: {
  request: MoveRequestView;
  timeZone: string;
  onHandled: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Outcome | null>(null);
  const [response, setResponse] = useState("");
  const responseId = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  const handle = useMutation({
    mutationFn: (outcome: Outcome) =>
      api(endpoints.handleMoveRequest, { params: { id: request.id }, body: { outcome, response } }),
    onSuccess: (answer) => {
      onHandled(`The request of ${answer.patient.name} was ${outcomeWords[answer.status as Outcome].done}.`);
      return queryClient.invalidateQueries({ queryKey: ["move-requests"] });
    },
  });
  const appointment = request.appointment;
  const ask = (outcome: Outcome) => {
    setConfirming(outcome);
    handle.reset();
    requestAnimationFrame(() => confirmRef.current?.querySelector("textarea")?.focus());
  };
  return (
    <li>
      <p>
        <Link href={`/reception/patients/${request.patient.id}`}>
          <strong>{request.patient.name}</strong>
        </Link>{" "}
        <span className="muted">{request.patient.mrn}</span>
      </p>
      <p>
        {kindLabel[appointment.kind]}, {formatDateTime(appointment.start, timeZone)}
        {appointment.status === "cancelled" && <strong> (cancelled since)</strong>}
        <br />
        <span className="muted">Asked {formatDateTime(request.requestedAt, timeZone)}</span>
      </p>
      <blockquote aria-label="The patient's note">{request.note}</blockquote>
      <p>
        <Link href={`/cases/${appointment.caseId}#appointments-title`}>Move it in the case&rsquo;s appointments</Link>
      </p>
      {confirming === null ? (
        <div className="row tight">
          <button type="button" onClick={() => ask("done")}>
            {outcomeWords.done.action}
          </button>
          <button type="button" className="secondary" onClick={() => ask("declined")}>
            {outcomeWords.declined.action}
          </button>
        </div>
      ) : (
        <div ref={confirmRef} role="group" aria-label={`${outcomeWords[confirming].action}: confirm`}>
          <p className="alert warn">
            {confirming === "done"
              ? "Move the appointment first. Marking the request as moved closes it."
              : "This closes the request without moving the appointment. The patient is told it stays as booked, with your reply, by email or text message as they agreed."}
          </p>
          <div className="field">
            <label htmlFor={responseId}>Reply to the patient (optional, shown on their page)</label>
            <textarea
              id={responseId}
              rows={2}
              maxLength={500}
              value={response}
              onChange={(e) => setResponse(e.target.value)}
            />
          </div>
          {handle.error && <ProblemMessage error={handle.error} />}
          <div className="row tight">
            <button type="button" disabled={handle.isPending} onClick={() => handle.mutate(confirming)}>
              {handle.isPending ? "Saving…" : outcomeWords[confirming].confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              Back
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/**
 * Reception's panel "Requests from patients": the open requests, made on the patients' own page,
 * to move an appointment, oldest first, each with a way to the case's appointments (the move
 * itself goes through the normal booking) and "Mark as moved" / "Could not move" after a
 * confirmation. Times on the site's wall clock (`timeZone`).
 */
export function MoveRequestsPanel({ timeZone }: { timeZone: string }) {
  const [handled, setHandled] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: ["move-requests", "open"],
    queryFn: () => apiAll(endpoints.listMoveRequests, { query: { status: "open" } }),
  });
  return (
    <section className="panel" aria-labelledby="move-requests-title">
      <h2 id="move-requests-title">Requests from patients</h2>
      <div aria-live="polite">{handled && <p className="alert ok">{handled}</p>}</div>
      {requests.isPending ? (
        <p className="muted">Loading…</p>
      ) : requests.error ? (
        <ProblemMessage error={requests.error} />
      ) : requests.data.items.length === 0 ? (
        <p className="empty">No patient is waiting for an appointment to be moved.</p>
      ) : (
        <ul className="timeline" aria-label="Open requests to move an appointment">
          {requests.data.items.map((r) => (
            <RequestItem key={r.id} request={r} timeZone={timeZone} onHandled={setHandled} />
          ))}
        </ul>
      )}
    </section>
  );
}
