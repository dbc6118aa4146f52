"use client";

import { formatTime } from "@/lib/domain/date-format";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api, fromForm } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { DressingRound as Round } from "@/lib/schemas/recovery";
import { woundStates } from "@/lib/domain/vocabulary";
import { ProblemMessage } from "@/components/ui/problem-message";

import { woundLabel } from "./labels";

type Visit = Round["items"][number];

const visitName = (visit: Visit, timeZone: string) =>
  visit.start
    ? `${visit.patient.name} at ${formatTime(visit.start, timeZone)}`
    : `${visit.patient.name}, due, not booked`;

/**
 * Today's dressings: the booked visits in time order, then those due today that nobody booked
 * (PO-3). Each is recorded in one step; an unbooked one is recorded through its visit.
 */
export function DressingRound({ today }: { today: string }) {
  const [date, setDate] = useState(today);
  const round = useQuery({
    queryKey: ["dressing-round", date],
    queryFn: () => api(endpoints.dressingRound, { query: { date } }),
  });
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
      {round.data && round.data.items.length === 0 && (
        <p className="empty">No dressing is booked or due on this day.</p>
      )}
      {round.data && round.data.items.length > 0 && (
        <ol className="round">
          {round.data.items.map((visit) => (
            <li key={visit.appointmentId ?? visit.visitId} aria-label={visitName(visit, round.data.timeZone)}>
              <div>
                <strong>{visit.start ? formatTime(visit.start, round.data.timeZone) : "Due, not booked"}</strong> —{" "}
                <Link href={`/cases/${visit.caseId}`}>{visit.patient.name}</Link>{" "}
                <span className="muted">
                  {visit.day !== null && `day ${visit.day} · `}
                  {visit.place} · last wound:{" "}
                  {visit.lastWoundState === "signs_of_infection" ? (
                    <strong>{woundLabel.signs_of_infection}</strong>
                  ) : visit.lastWoundState ? (
                    woundLabel[visit.lastWoundState]
                  ) : (
                    "not yet seen"
                  )}
                </span>
              </div>
              {visit.recorded ? (
                <p role="status" className="alert ok">
                  Recorded: {woundLabel[visit.recorded.woundState]}.{" "}
                  <Link href={`/cases/${visit.caseId}#timeline-title`}>See it in the case&apos;s timeline</Link>
                </p>
              ) : visit.appointmentId ? (
                <RecordDressing id={visit.appointmentId} endpoint={endpoints.recordDressing} date={date} />
              ) : visit.visitId ? (
                <RecordDressing id={visit.visitId} endpoint={endpoints.recordDressingVisit} date={date} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The wound's state and notes, recorded on `id`: a booked appointment, or an unbooked visit. */
function RecordDressing({
  id,
  endpoint,
  date,
}: {
  id: string;
  endpoint: typeof endpoints.recordDressing | typeof endpoints.recordDressingVisit;
  date: string;
}) {
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (values: { woundState: string; notes: string }) =>
      api(endpoint, { params: { id }, body: fromForm(endpoint, values) }),
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
          <label htmlFor={`notes-${id}`}>Notes</label>
          <input id={`notes-${id}`} name="notes" />
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
