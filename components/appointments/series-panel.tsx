"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

/** Books the plan's dressings and physiotherapy at chosen times; shows first, then books. */
export function SeriesPanel({
  caseId,
  timeZone,
  dressings,
  physio,
}: {
  caseId: string;
  timeZone: string;
  dressings: boolean;
  physio: boolean;
}) {
  const queryClient = useQueryClient();
  const [times, setTimes] = useState({ dressingTime: "09:00", physioTime: "10:00" });
  const run = useMutation({
    mutationFn: (preview: boolean) =>
      api(endpoints.bookPostOperativeSeries, {
        params: { id: caseId },
        body: {
          dressingTime: dressings ? times.dressingTime : undefined,
          physioTime: physio ? times.physioTime : undefined,
          preview,
        },
      }),
    onSuccess: (_data, preview) => {
      if (!preview)
        for (const key of ["appointments", "care-plan", "calendar"])
          void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const preview = run.variables === true;
  const items = run.data?.items ?? [];
  const bookable = items.filter((i) => i.start).length;

  return (
    <div>
      <div className="row">
        {dressings && (
          <div className="field">
            <label htmlFor="dressingTime">Dressings at</label>
            <input
              id="dressingTime"
              type="time"
              value={times.dressingTime}
              onChange={(e) => setTimes({ ...times, dressingTime: e.target.value })}
            />
          </div>
        )}
        {physio && (
          <div className="field">
            <label htmlFor="physioTime">Physiotherapy at</label>
            <input
              id="physioTime"
              type="time"
              value={times.physioTime}
              onChange={(e) => setTimes({ ...times, physioTime: e.target.value })}
            />
          </div>
        )}
        <div className="field">
          <button type="button" className="secondary" onClick={() => run.mutate(true)} disabled={run.isPending}>
            Show the series
          </button>
        </div>
      </div>
      {run.error && <ProblemMessage error={run.error} />}
      {run.data && (
        <>
          {items.length === 0 ? (
            <p className="empty">Everything in the plan is already booked.</p>
          ) : (
            <ul className="compact" aria-label={preview ? "Series to book" : "Series booked"}>
              {items.map((i) => (
                <li key={`${i.kind}-${i.label}`} className={i.problem ? "problem" : undefined}>
                  {i.label}: {i.start ? `${preview ? "" : "booked "}${formatDateTime(i.start, timeZone)}` : i.problem}
                </li>
              ))}
            </ul>
          )}
          {preview && bookable > 0 && (
            <button type="button" onClick={() => run.mutate(false)} disabled={run.isPending}>
              Book {bookable} appointments
            </button>
          )}
          {!preview && (
            <p role="status" className="alert ok">
              Booked {items.filter((i) => i.appointmentId).length} of {items.length}.
            </p>
          )}
        </>
      )}
    </div>
  );
}
