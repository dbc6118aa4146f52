"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { addDays, dayOf, instantAt } from "@/lib/domain/time";
import { api, apiAll, type BodyOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

/** The physiotherapist's sessions from a week ago to a week ahead; each is recorded on its day. */
export function PhysioSessions({ physioId, today, timeZone }: { physioId: string; today: string; timeZone: string }) {
  const from = instantAt(addDays(today, -7), 0, 0, timeZone).toISOString();
  const to = instantAt(addDays(today, 8), 0, 0, timeZone).toISOString();
  const sessions = useQuery({
    queryKey: ["appointments", "physio", physioId, from],
    queryFn: () => apiAll(endpoints.listAppointments, { query: { clinicianId: physioId, from, to, kind: "physio" } }),
  });
  const live = sessions.data?.items.filter((a) => a.status === "booked") ?? [];
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">My sessions</h2>
      {sessions.isPending && <p className="muted">Loading…</p>}
      {sessions.error && <ProblemMessage error={sessions.error} />}
      {sessions.data && live.length === 0 && <p className="empty">No session booked this fortnight.</p>}
      <ol className="round">
        {live.map((a) => (
          <li key={a.id}>
            <strong>{formatDateTime(a.start, timeZone)}</strong> —{" "}
            <Link href={`/cases/${a.caseId}`}>{a.patient.name}</Link>{" "}
            <span className="muted">
              session {a.physioSession ?? "—"} · {a.room?.name}
            </span>
            {a.recorded ? (
              <p role="status" className="alert ok">
                Recorded. <Link href={`/cases/${a.caseId}#timeline-title`}>See it in the case&apos;s timeline</Link>
              </p>
            ) : dayOf(new Date(a.start), timeZone) <= today ? (
              <RecordSession appointmentId={a.id} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RecordSession({ appointmentId }: { appointmentId: string }) {
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.recordPhysioSession>) =>
      api(endpoints.recordPhysioSession, { params: { id: appointmentId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["appointments"] }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        record.mutate({
          notes: String(f.get("notes")),
          exercises: String(f.get("exercises")),
          progress: String(f.get("progress")),
        });
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor={`pnotes-${appointmentId}`}>Session notes</label>
          <input id={`pnotes-${appointmentId}`} name="notes" required />
        </div>
        <div className="field">
          <label htmlFor={`pex-${appointmentId}`}>Exercises</label>
          <input id={`pex-${appointmentId}`} name="exercises" />
        </div>
        <div className="field">
          <label htmlFor={`pprog-${appointmentId}`}>Progress</label>
          <input id={`pprog-${appointmentId}`} name="progress" />
        </div>
        <div className="field">
          <button type="submit" disabled={record.isPending}>
            Record session
          </button>
        </div>
      </div>
      {record.error && <ProblemMessage error={record.error} />}
    </form>
  );
}
