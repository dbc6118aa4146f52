"use client";

import { useQuery } from "@tanstack/react-query";
import { apiAll } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { MessageTable } from "./message-table";

/** The patient record's "Messages" section: every message to this patient, newest first, with its state. */
export function PatientMessages({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const messages = useQuery({
    queryKey: ["messages", "patient", patientId],
    queryFn: () => apiAll(endpoints.listMessages, { query: { patientId, limit: 100 } }),
  });
  return (
    <section className="panel" aria-labelledby="patient-messages-title">
      <h2 id="patient-messages-title">Messages</h2>
      {messages.isPending && <p className="muted">Loading…</p>}
      {messages.error && <ProblemMessage error={messages.error} />}
      {messages.data && (
        <MessageTable
          messages={messages.data.items}
          timeZone={timeZone}
          showPatient={false}
          empty="No messages to this patient."
        />
      )}
    </section>
  );
}
