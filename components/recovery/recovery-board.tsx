"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDay } from "@/lib/domain/date-format";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { RecoveryBoard as Board } from "@/lib/schemas/recovery";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import { AcknowledgeAlerts } from "./acknowledge-alerts";
import { woundLabel } from "./labels";

type Row = Board["items"][number];
type Alert = Row["alerts"][number];

/**
 * Operated patients, one row each, with their day since the operation, next dressing and open
 * alerts (infection first). The surgeon acknowledges the alerts of a row with one note; a nurse
 * replaces the latest missed dressing from here. What was done is confirmed above the table.
 */
export function RecoveryBoard({ canAcknowledge, canReplace }: { canAcknowledge: boolean; canReplace: boolean }) {
  const board = useQuery({ queryKey: ["recovery-board"], queryFn: () => api(endpoints.recoveryBoard) });
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="board-title">
      <h2 id="board-title">Recovery board</h2>
      <p role="status" className={done ? "alert ok" : "visually-hidden"}>
        {done}
      </p>
      {board.isPending && <p className="muted">Loading…</p>}
      {board.error && <ProblemMessage error={board.error} />}
      {board.data && (
        <DataTable
          stacked
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
                row.nextDressing
                  ? `${formatDay(row.nextDressing.dueOn)}${row.nextDressing.bookedAt ? "" : " (not booked)"}`
                  : "—",
            },
            { header: "Wound", cell: (row) => (row.lastWoundState ? woundLabel[row.lastWoundState] : "—") },
            {
              header: "Alerts",
              cell: (row) =>
                row.alerts.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <>
                    <AlertSummary caseId={row.caseId} alerts={row.alerts} />
                    {canReplace && <ReplaceMissed row={row} onDone={setDone} />}
                    {canAcknowledge && (
                      <AcknowledgeAlerts
                        caseId={row.caseId}
                        patient={row.patient.name}
                        alerts={row.alerts}
                        onDone={setDone}
                      />
                    )}
                  </>
                ),
            },
            {
              header: "Milestones",
              cell: (row) =>
                [
                  row.milestones.offCrutches && `off crutches since ${formatDay(row.milestones.offCrutches)}`,
                  ...row.milestones.cleared.map((c) => `${c} cleared`),
                ]
                  .filter(Boolean)
                  .join(", ") || "—",
            },
          ]}
        />
      )}
    </section>
  );
}

/** A case's open alerts in board order, missed dressings on one line however many there are. */
function AlertSummary({ caseId, alerts }: { caseId: string; alerts: Alert[] }) {
  // A dressing the patient did not attend keeps its own line: it can be booked again.
  const missed = alerts.filter((a) => a.kind === "missed_dressing" && !a.rebook);
  const lines = alerts.flatMap((alert) => {
    if (alert.kind !== "missed_dressing" || alert.rebook) return [alert];
    if (alert !== missed[0] || missed.length === 1) return missed.length === 1 ? [alert] : [];
    const first = missed[0]!.on!;
    return [{ ...alert, message: `${missed.length} dressings not recorded, the first due ${formatDay(first)}.` }];
  });
  return (
    <ul className="alerts">
      {lines.map((alert) => (
        <li key={alert.key} className={`alert-item ${alert.kind}`}>
          <strong>{alert.message}</strong> <span className="muted">({alert.rule})</span>
          {alert.rebook && (
            <Link className="button secondary" href={`/cases/${caseId}?rebook=${alert.rebook.appointmentId}#book`}>
              Book again…
            </Link>
          )}
          {alert.complication && (
            <Link
              className="button secondary"
              href={`/cases/${caseId}?complicationFrom=${alert.complication.dressingRecordId}#complications`}
            >
              Record the complication…
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** PO-3: the nurse replaces the latest missed dressing with a visit the next day (today when that has passed). */
function ReplaceMissed({ row, onDone }: { row: Row; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const latest = row.alerts.filter((a) => a.kind === "missed_dressing").at(-1);
  const replace = useMutation({
    mutationFn: (visitId: string) =>
      api(endpoints.replaceMissedDressing, { params: { id: row.caseId }, body: { visitId } }),
    onSuccess: (visit) => {
      onDone(`${row.patient.name}: a dressing visit is planned for ${formatDay(visit.dueOn)}.`);
      void queryClient.invalidateQueries({ queryKey: ["recovery-board"] });
    },
  });
  if (!latest) return null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => replace.mutate(latest.key.split(":")[1]!)}
        disabled={replace.isPending}
      >
        Replace the missed dressing
      </button>
      {replace.error && <ProblemMessage error={replace.error} />}
    </>
  );
}
