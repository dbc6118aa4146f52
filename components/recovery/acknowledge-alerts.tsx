"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { RecoveryBoard as Board } from "@/lib/schemas/recovery";
import { ProblemMessage } from "@/components/ui/problem-message";

type Alert = Board["items"][number]["alerts"][number];

/**
 * One acknowledge control for a case's row: the surgeon ticks the alerts it covers (all at
 * first) and writes one note; one request acknowledges them all or none. `onDone` gets the
 * confirmation shown above the board (the row's alerts are gone once the board reloads).
 */
export function AcknowledgeAlerts({
  caseId,
  patient,
  alerts,
  onDone,
}: {
  caseId: string;
  patient: string;
  alerts: Alert[];
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [noneTicked, setNoneTicked] = useState(false);
  const acknowledge = useMutation({
    mutationFn: (body: { keys: string[]; note: string }) =>
      api(endpoints.acknowledgeAlert, { params: { id: caseId }, body }),
    onSuccess: (result) => {
      const n = result.alerts.length;
      onDone(`${patient}: ${n === 1 ? "1 alert" : `${n} alerts`} acknowledged.`);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ["recovery-board"] });
      void queryClient.invalidateQueries({ queryKey: ["case", caseId] });
    },
  });
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Acknowledge…
      </button>
    );
  }
  const id = (part: string) => `ack-${caseId}-${part}`;
  return (
    <form
      className="acknowledge"
      aria-label={`Acknowledge alerts of ${patient}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const keys = form.getAll("keys").map(String);
        setNoneTicked(keys.length === 0);
        if (keys.length > 0) acknowledge.mutate({ keys, note: String(form.get("note")) });
      }}
    >
      <fieldset>
        <legend>Alerts to acknowledge</legend>
        {noneTicked && (
          <p className="error" role="alert">
            Tick at least one alert.
          </p>
        )}
        {alerts.map((alert) => (
          <label key={alert.key} className="inline block">
            <input type="checkbox" name="keys" value={alert.key} defaultChecked /> {alert.message}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={id("note")}>Note</label>
        <input id={id("note")} name="note" placeholder="What was done" required maxLength={1000} />
      </div>
      <div className="row tight">
        <button type="submit" disabled={acknowledge.isPending}>
          Acknowledge
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {acknowledge.error && <ProblemMessage error={acknowledge.error} />}
    </form>
  );
}
