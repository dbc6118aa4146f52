"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, apiAll, type QueryOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import { dayOf } from "@/lib/domain/time";
import { AttendanceButtons, AttendanceLabel, attendanceOpen } from "./attendance";
import { kindLabel } from "./labels";
import { SlotFinder } from "./slot-finder";
import { OfferFreedTime } from "@/components/theatre/offer-link";

/**
 * A case's or a patient's appointments, cancelled ones kept and marked; move and cancel need a
 * reason. With `attendance`, arrived / did not attend can be marked from the appointment's day on
 * (`today`, the site's day); with `onRebook`, a visit or session not attended can be booked again.
 */
export function AppointmentList({
  query,
  timeZone,
  canChange,
  attendance,
  onRebook,
}: {
  query: QueryOf<typeof endpoints.listAppointments>;
  timeZone: string;
  canChange: (a: AppointmentView) => boolean;
  attendance?: { today: string; canMark: (a: AppointmentView) => boolean };
  onRebook?: (a: AppointmentView) => void;
}) {
  const list = useQuery({
    queryKey: ["appointments", query],
    queryFn: () => apiAll(endpoints.listAppointments, { query }),
  });
  const [cancelled, setCancelled] = useState<AppointmentView | null>(null);
  if (list.isPending) return <p className="muted">Loading appointments…</p>;
  if (list.error) return <ProblemMessage error={list.error} />;
  // A visit or session not attended is booked again once, until another appointment holds it.
  const bookedAgain = (a: AppointmentView) =>
    list.data.items.some(
      (b) =>
        b.id !== a.id &&
        b.status === "booked" &&
        b.attendance !== "did_not_attend" &&
        ((a.dressingVisitId && b.dressingVisitId === a.dressingVisitId) ||
          (a.physioSessionId && b.physioSessionId === a.physioSessionId)),
    );
  return (
    <>
      {cancelled && (
        <p role="status" className="alert ok">
          Cancelled: {kindLabel[cancelled.kind]} on {formatDateTime(cancelled.start, timeZone)}.
          <OfferFreedTime appointment={cancelled} />
        </p>
      )}
      <DataTable
        rows={list.data.items}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.status === "cancelled" ? "cancelled" : undefined)}
        empty="No appointment booked."
        columns={[
          { header: "When", cell: (a) => formatDateTime(a.start, timeZone) },
          {
            header: "What",
            cell: (a) => (
              <>
                {kindLabel[a.kind]}
                {a.admission && ` (${a.admission === "day_case" ? "day case" : "inpatient"})`}
              </>
            ),
          },
          {
            header: "With",
            cell: (a) =>
              [a.clinician?.name, a.anaesthetist?.name, a.room?.name ?? (a.kind === "dressing" ? "home visit" : null)]
                .filter(Boolean)
                .join(", "),
          },
          {
            header: "Status",
            cell: (a) => (
              <>
                {a.status}
                <AttendanceLabel appointment={a} timeZone={timeZone} />
                {a.history.length > 1 && (
                  <div className="muted">
                    {a.history
                      .filter((h) => h.reason)
                      .map((h) => `${h.action}: ${h.reason}`)
                      .join("; ")}
                  </div>
                )}
              </>
            ),
          },
          {
            header: <span className="visually-hidden">Actions</span>,
            cell: (a) => (
              <>
                {attendance && attendance.canMark(a) && attendanceOpen(a, attendance.today, timeZone) && (
                  <AttendanceButtons appointment={a} />
                )}
                {a.status === "booked" && a.attendance === null && canChange(a) && (
                  <ChangeAppointment appointment={a} timeZone={timeZone} onCancelled={setCancelled} />
                )}
                {onRebook &&
                  a.attendance === "did_not_attend" &&
                  (a.dressingVisitId || a.physioSessionId) &&
                  canChange(a) &&
                  !bookedAgain(a) && (
                    <button type="button" className="secondary" onClick={() => onRebook(a)}>
                      Book again…
                    </button>
                  )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

function ChangeAppointment({
  appointment,
  timeZone,
  onCancelled,
}: {
  appointment: AppointmentView;
  timeZone: string;
  onCancelled: (cancelled: AppointmentView) => void;
}) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"move" | "cancel" | null>(null);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const change = useMutation({
    mutationFn: (body: { start: string; reason: string } | { reason: string }) =>
      "start" in body
        ? api(endpoints.moveAppointment, { params: { id: appointment.id }, body })
        : api(endpoints.cancelAppointment, { params: { id: appointment.id }, body }),
    onSuccess: (changed) => {
      setMode(null);
      if (changed.status === "cancelled") onCancelled(changed);
      for (const key of ["appointments", "case", "calendar", "slots"])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const moveTo = (start: string) => {
    setReasonMissing(!reason.trim());
    if (reason.trim()) change.mutate({ start, reason });
  };
  if (!mode) {
    return (
      <div className="row tight">
        <button type="button" className="secondary" onClick={() => setMode("move")}>
          Move…
        </button>
        <button type="button" className="secondary" onClick={() => setMode("cancel")}>
          Cancel…
        </button>
      </div>
    );
  }
  const nearest = change.error instanceof ApiError ? (change.error.problem.nearest ?? []) : [];
  const reasonField = (
    <div className="field">
      <label htmlFor={`reason-${appointment.id}`}>Reason</label>
      <input
        id={`reason-${appointment.id}`}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={reasonMissing || undefined}
        aria-describedby={reasonMissing ? `reason-${appointment.id}-missing` : undefined}
        required
      />
      {reasonMissing && (
        <div id={`reason-${appointment.id}-missing`} className="hint">
          Give the reason for the move first.
        </div>
      )}
    </div>
  );
  const problem = change.error && (
    <>
      <ProblemMessage error={change.error} />
      {nearest.length > 0 && (
        <div className="row tight" aria-label="Nearest free times">
          {nearest.map((n) => (
            <button
              key={n.start}
              type="button"
              className="secondary"
              disabled={change.isPending}
              onClick={() => moveTo(n.start)}
            >
              Move to {formatDateTime(n.start, timeZone)}
            </button>
          ))}
        </div>
      )}
    </>
  );
  if (mode === "move") {
    return (
      <section aria-label="Move the appointment">
        {reasonField}
        <SlotFinder
          queryKey={["move", appointment.id]}
          fetchPage={(filters) => api(endpoints.findMoveSlots, { params: { id: appointment.id }, query: filters })}
          today={dayOf(new Date(), timeZone)}
          timeZone={timeZone}
          onChoose={(slot) => moveTo(slot.start)}
          busy={change.isPending}
          actionLabel="Move to"
        />
        {problem}
        <button type="button" className="secondary" onClick={() => setMode(null)}>
          Keep as it is
        </button>
      </section>
    );
  }
  return (
    <form
      aria-label="Cancel the appointment"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ reason });
      }}
    >
      {reasonField}
      {problem}
      <div className="row tight">
        <button type="submit" disabled={change.isPending}>
          Cancel the appointment
        </button>
        <button type="button" className="secondary" onClick={() => setMode(null)}>
          Keep as it is
        </button>
      </div>
    </form>
  );
}
