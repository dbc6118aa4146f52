"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/http/client";
import type { DressingRound as Round } from "@/lib/schemas/recovery";
import { woundStates } from "@/lib/schemas/recovery";
import { ProblemMessage } from "@/components/ui/ProblemMessage";
import { formatTime } from "@/components/appointments/labels";
import { woundLabel } from "./labels";

/** Today's dressing visits in order; each is recorded in a few clicks. */
export function DressingRound({ today }: { today: string }) {
  const [date, setDate] = useState(today);
  const round = useQuery({ queryKey: ["dressing-round", date], queryFn: () => api<Round>(`/api/v1/dressing-round?date=${date}`) });
  return (
    <section className="panel" aria-labelledby="round-title">
      <div className="row">
        <h2 id="round-title">Visits</h2>
        <div className="field">
          <label htmlFor="round-date">Date</label>
          <input id="round-date" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </div>
      </div>
      {round.isPending && <p className="muted">Loading…</p>}
      {round.error && <ProblemMessage error={round.error} />}
      {round.data && round.data.items.length === 0 && <p className="empty">No dressing visit is booked on this day.</p>}
      {round.data && round.data.items.length > 0 && (
        <ol className="round">
          {round.data.items.map((visit) => (
            <li key={visit.appointmentId} aria-label={`${visit.patient.name} at ${formatTime(visit.start, round.data.timeZone)}`}>
              <div>
                <strong>{formatTime(visit.start, round.data.timeZone)}</strong> — <Link href={`/cases/${visit.caseId}`}>{visit.patient.name}</Link>{" "}
                <span className="muted">
                  {visit.day !== null && `day ${visit.day} · `}
                  {visit.place} · last wound: {visit.lastWoundState ? woundLabel[visit.lastWoundState] : "not yet seen"}
                </span>
              </div>
              {visit.recorded ? (
                <p className="alert ok">Recorded: {woundLabel[visit.recorded.woundState]}</p>
              ) : (
                <RecordDressing appointmentId={visit.appointmentId} date={date} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RecordDressing({ appointmentId, date }: { appointmentId: string; date: string }) {
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (body: { woundState: string; notes: string }) => api(`/api/v1/appointments/${appointmentId}/dressing-record`, { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["dressing-round", date] });
      void queryClient.invalidateQueries({ queryKey: ["recovery-board"] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        record.mutate({ woundState: String(f.get("woundState")), notes: String(f.get("notes") ?? "") });
      }}
    >
      <fieldset className="field">
        <legend>Wound</legend>
        {woundStates.map((state) => (
          <label key={state} className="inline">
            <input type="radio" name="woundState" value={state} required /> {woundLabel[state]}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor={`notes-${appointmentId}`}>Notes</label>
          <input id={`notes-${appointmentId}`} name="notes" />
        </div>
        <div className="field">
          <button type="submit" disabled={record.isPending}>
            Record visit
          </button>
        </div>
      </div>
      {record.error && <ProblemMessage error={record.error} />}
    </form>
  );
}
