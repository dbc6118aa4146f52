"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

const channelWords = { email: "email", sms: "text message" } as const;

/**
 * "Send the plan to the patient": first says what goes and to whom (the channels the patient
 * consents to and has an address for, as the server decides), then queues it.
 */
export function PlanMessageButton({ caseId, patientId }: { caseId: string; patientId: string }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const key = useRef<string>(crypto.randomUUID());
  const patient = useQuery({
    queryKey: ["patient", patientId],
    enabled: confirming,
    queryFn: () => api(endpoints.getPatient, { params: { id: patientId } }),
  });
  const send = useMutation({
    mutationFn: () => api(endpoints.sendPlanMessage, { params: { id: caseId }, idempotencyKey: key.current }),
    onSuccess: () => {
      key.current = crypto.randomUUID();
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
    },
  });

  if (!confirming) {
    return (
      <div>
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Send the plan to the patient…
        </button>
        {send.data && (
          <p role="status" className="muted">
            {send.data.messages.length === 0
              ? "Nothing was sent: the patient has agreed to no email or text message."
              : `The plan is queued to go by ${send.data.messages.map((m) => channelWords[m.channel]).join(" and ")}.`}
          </p>
        )}
      </div>
    );
  }
  const p = patient.data;
  const recipients = p
    ? [
        ...(p.contact.email && p.email ? [`by email to ${p.email}, with the appointments as a calendar file`] : []),
        ...(p.contact.sms && p.phone ? [`by text message to ${p.phone}, with the plan's main dates`] : []),
      ]
    : [];
  return (
    <div role="group" aria-label="Confirm sending the plan">
      {patient.isPending && <p className="muted">Loading the patient&apos;s contact preferences…</p>}
      {patient.error && <ProblemMessage error={patient.error} />}
      {p && recipients.length === 0 && (
        <p className="alert warn" role="status">
          The patient has not agreed to be contacted by email or text message, or has no address for it: nothing can be
          sent. Give them the printed plan instead.
        </p>
      )}
      {p && recipients.length > 0 && (
        <>
          <p>
            Send {p.givenName} the recovery plan with its dates and the upcoming appointments, which replaces a plan
            message still waiting to go:
          </p>
          <ul className="compact">
            {recipients.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      <div className="row">
        <button type="button" onClick={() => send.mutate()} disabled={send.isPending || !p || recipients.length === 0}>
          {send.isPending ? "Sending…" : "Yes, send the plan"}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Do not send
        </button>
      </div>
      {send.error && <ProblemMessage error={send.error} />}
    </div>
  );
}
