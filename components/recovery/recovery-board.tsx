"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { RecoveryBoard as Board } from "@/lib/schemas/recovery";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import { woundLabel } from "./labels";

type Alert = Board["items"][number]["alerts"][number];

/**
 * Operated patients with their day since the operation, next dressing and open alerts. The
 * surgeon acknowledges an alert with a note; a nurse replaces a missed dressing from here.
 */
export function RecoveryBoard({ canAcknowledge, canReplace }: { canAcknowledge: boolean; canReplace: boolean }) {
  const board = useQuery({ queryKey: ["recovery-board"], queryFn: () => api(endpoints.recoveryBoard) });
  return (
    <section className="panel" aria-labelledby="board-title">
      <h2 id="board-title">Recovery board</h2>
      {board.isPending && <p className="muted">Loading…</p>}
      {board.error && <ProblemMessage error={board.error} />}
      {board.data && (
        <DataTable
          rows={board.data.items}
          rowKey={(row) => row.caseId}
          empty="No operated patient is in recovery."
          columns={[
            {
              header: "Patient",
              cell: (row) => (
                <>
                  <Link href={`/cases/${row.caseId}`}>{row.patient.name}</Link>{" "}
                  <span className="muted">{row.side}</span>
                </>
              ),
            },
            { header: "Day", cell: (row) => `D${row.day}` },
            {
              header: "Next dressing",
              cell: (row) =>
                row.nextDressing ? `${row.nextDressing.dueOn}${row.nextDressing.bookedAt ? "" : " (not booked)"}` : "—",
            },
            { header: "Wound", cell: (row) => (row.lastWoundState ? woundLabel[row.lastWoundState] : "—") },
            {
              header: "Alerts",
              cell: (row) =>
                row.alerts.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="alerts">
                    {row.alerts.map((alert) => (
                      <AlertItem
                        key={alert.key}
                        caseId={row.caseId}
                        alert={alert}
                        canAcknowledge={canAcknowledge}
                        canReplace={canReplace}
                      />
                    ))}
                  </ul>
                ),
            },
            {
              header: "Milestones",
              cell: (row) =>
                [row.milestones.offCrutches && "off crutches", ...row.milestones.cleared.map((c) => `${c} cleared`)]
                  .filter(Boolean)
                  .join(", ") || "—",
            },
          ]}
        />
      )}
    </section>
  );
}

function AlertItem({
  caseId,
  alert,
  canAcknowledge,
  canReplace,
}: {
  caseId: string;
  alert: Alert;
  canAcknowledge: boolean;
  canReplace: boolean;
}) {
  const queryClient = useQueryClient();
  const [acknowledging, setAcknowledging] = useState(false);
  const done = () => void queryClient.invalidateQueries({ queryKey: ["recovery-board"] });
  const acknowledge = useMutation({
    mutationFn: (note: string) =>
      api(endpoints.acknowledgeAlert, { params: { id: caseId }, body: { key: alert.key, note } }),
    onSuccess: done,
  });
  const replace = useMutation({
    mutationFn: () =>
      api(endpoints.replaceMissedDressing, { params: { id: caseId }, body: { visitId: alert.key.split(":")[1]! } }),
    onSuccess: done,
  });
  return (
    <li className={`alert-item ${alert.kind}`}>
      <strong>{alert.message}</strong> <span className="muted">({alert.rule})</span>
      {alert.rebook && (
        <Link className="button secondary" href={`/cases/${caseId}?rebook=${alert.rebook.appointmentId}#book`}>
          Book again…
        </Link>
      )}
      {canReplace && alert.kind === "missed_dressing" && (
        <button type="button" className="secondary" onClick={() => replace.mutate()} disabled={replace.isPending}>
          Replace with a visit next day
        </button>
      )}
      {canAcknowledge &&
        (acknowledging ? (
          <form
            className="row tight"
            onSubmit={(e) => {
              e.preventDefault();
              acknowledge.mutate(String(new FormData(e.currentTarget).get("note")));
            }}
          >
            <label className="visually-hidden" htmlFor={`ack-${caseId}-${alert.key}`}>
              Note
            </label>
            <input id={`ack-${caseId}-${alert.key}`} name="note" placeholder="What was done" required />
            <button type="submit" disabled={acknowledge.isPending}>
              Acknowledge
            </button>
          </form>
        ) : (
          <button type="button" className="secondary" onClick={() => setAcknowledging(true)}>
            Acknowledge…
          </button>
        ))}
      {(acknowledge.error || replace.error) && <ProblemMessage error={acknowledge.error ?? replace.error} />}
    </li>
  );
}
