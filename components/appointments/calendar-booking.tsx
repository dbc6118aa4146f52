"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatDateTime, formatTime } from "@/lib/domain/date-format";
import { toWallClock } from "@/lib/domain/calendar-grid";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { ProblemMessage } from "@/components/ui/problem-message";
import { attendanceLabel, attendanceOf } from "./calendar-attendance";
import { kindLabel, wallClockToInstant } from "./labels";
import styles from "./calendar.module.css";

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as a datetime-local value on the site's wall clock ("2026-12-01T09:30"). */
export function wallClockValue(instant: Date, timeZone: string): string {
  const w = toWallClock(instant, timeZone);
  return `${w.getFullYear()}-${pad(w.getMonth() + 1)}-${pad(w.getDate())}T${pad(w.getHours())}:${pad(w.getMinutes())}`;
}

/** Moves the focus to a panel's heading when it opens, so keyboard and screen-reader users land in it. */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * An opened booking: its details, a link to its case, and Move (a new start, with the reason;
 * `proposedStart` prefilled when it was dragged there) or Cancel (with the reason, confirmed).
 * The server applies the rules (SC-4 reason, SC-1 clashes, SC-2 hours); a refusal is shown as sent.
 */
export function BookingDetail({
  appointment: a,
  proposedStart,
  timeZone,
  onClose,
  onDone,
}: {
  appointment: AppointmentView;
  proposedStart?: Date;
  timeZone: string;
  onClose: () => void;
  /** With the changed appointment: a cancelled arthroscopy's confirmation offers its time to the waiting list. */
  onDone: (message: string, changed: AppointmentView) => void;
}) {
  const queryClient = useQueryClient();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [mode, setMode] = useState<"move" | "cancel" | null>(proposedStart ? "move" : null);
  const change = useMutation({
    mutationFn: (body: { start: string; reason: string } | { reason: string }) =>
      "start" in body
        ? api(endpoints.moveAppointment, { params: { id: a.id }, body })
        : api(endpoints.cancelAppointment, { params: { id: a.id }, body }),
    onSuccess: (changed) => {
      void queryClient.invalidateQueries({ queryKey: ["calendar"] });
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
      onDone(
        changed.status === "cancelled"
          ? `Cancelled: ${a.patient.name}, ${kindLabel[a.kind]} on ${formatDateTime(a.start, timeZone)}.`
          : `Moved: ${a.patient.name}, ${kindLabel[a.kind]}, now ${formatDateTime(changed.start, timeZone)}.`,
        changed,
      );
    },
  });
  const attendance = attendanceOf(a);

  return (
    <section className="panel" aria-labelledby="booking-heading">
      <h2 id="booking-heading" ref={heading} tabIndex={-1}>
        {a.status === "cancelled" ? "Cancelled appointment" : "Appointment"}: {a.patient.name}
      </h2>
      <dl className={styles.facts}>
        <dt>What</dt>
        <dd>{kindLabel[a.kind]}</dd>
        <dt>When</dt>
        <dd>
          {formatDateTime(a.start, timeZone)}–{formatTime(a.end, timeZone)}
        </dd>
        <dt>With</dt>
        <dd>
          {[a.clinician?.name, a.anaesthetist?.name, a.room?.name ?? (a.kind === "dressing" ? "home visit" : null)]
            .filter(Boolean)
            .join(", ") || "—"}
        </dd>
        <dt>Patient</dt>
        <dd>
          {a.patient.name} ({a.patient.mrn}) · <Link href={`/cases/${a.caseId}`}>Open the case</Link>
        </dd>
        {attendance && (
          <>
            <dt>Attendance</dt>
            <dd>{attendanceLabel[attendance]}</dd>
          </>
        )}
      </dl>
      {a.status === "booked" && !mode && (
        <div className="row tight">
          <button type="button" onClick={() => setMode("move")}>
            Move
          </button>
          <button type="button" className="secondary" onClick={() => setMode("cancel")}>
            Cancel appointment
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      {a.status !== "booked" && (
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      )}
      {mode && (
        <form
          aria-label={mode === "move" ? "Move the appointment" : "Cancel the appointment"}
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const reason = String(f.get("reason") ?? "");
            if (mode === "move") change.mutate({ start: wallClockToInstant(String(f.get("start")), timeZone), reason });
            else change.mutate({ reason });
          }}
        >
          {mode === "move" && (
            <div className="field">
              <label htmlFor="move-start">New start ({timeZone} time)</label>
              <input
                id="move-start"
                name="start"
                type="datetime-local"
                step={300}
                required
                defaultValue={wallClockValue(proposedStart ?? new Date(a.start), timeZone)}
              />
            </div>
          )}
          {mode === "cancel" && <p>Cancel this appointment? The patient&apos;s slot is freed for others.</p>}
          <div className="field">
            <label htmlFor="change-reason">Reason</label>
            <input id="change-reason" name="reason" required maxLength={500} />
          </div>
          {change.error && <ProblemMessage error={change.error} />}
          <div className="row tight">
            <button type="submit" disabled={change.isPending}>
              {mode === "move" ? "Confirm the move" : "Cancel the appointment"}
            </button>
            <button type="button" className="secondary" onClick={() => setMode(null)} disabled={change.isPending}>
              {mode === "move" ? "Do not move" : "Keep the appointment"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
