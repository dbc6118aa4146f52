"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { formatDay, formatTime, localZone } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { hoursException, LeaveClash } from "@/lib/schemas/hours";
import { kindLabel } from "@/components/appointments/labels";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";

type Leave = z.input<typeof hoursException>;
type Exception = { id: string; onDate: string; startsAt: string | null; endsAt: string | null; reason: string };
type Run = { from: string; until: string; startsAt: string | null; endsAt: string | null; reason: string };

/** Consecutive days with the same hours and reason, shown (and removed) as one entry. */
function runsOf(exceptions: Exception[]): Run[] {
  const runs: Run[] = [];
  for (const e of exceptions) {
    const last = runs.at(-1);
    const same = last && last.startsAt === e.startsAt && last.endsAt === e.endsAt && last.reason === e.reason;
    if (same && addDays(last.until, 1) === e.onDate) last.until = e.onDate;
    else runs.push({ from: e.onDate, until: e.onDate, startsAt: e.startsAt, endsAt: e.endsAt, reason: e.reason });
  }
  return runs;
}

const daysText = (r: { from: string; until: string }) =>
  r.from === r.until ? formatDay(r.from) : `${formatDay(r.from)} to ${formatDay(r.until)}`;

/**
 * A staff member's leave and other dated hours: a range of days off or with other hours, the
 * bookings it would clash with listed before it is saved (SC-2: saving over them takes a second,
 * explicit click, and they stay booked for reception to move), and removal after a confirmation.
 */
export function LeaveEditor({ staffId, exceptions }: { staffId: string; exceptions: Exception[] }) {
  const queryClient = useQueryClient();
  const key = ["hours", "staff", staffId];
  // A day off has no times: the time fields are closed while "Off all day" is ticked, so that
  // times typed for a half day are never dropped for a day off.
  const [off, setOff] = useState(true);
  const [pending, setPending] = useState<{ leave: Leave; clashes: LeaveClash[] } | null>(null);
  const [removing, setRemoving] = useState<Run | null>(null);
  const [done, setDone] = useState("");
  const save = useMutation({
    mutationFn: (leave: Leave) => api(endpoints.addHoursException, { params: { id: staffId }, body: leave }),
    onSuccess: (data, leave) => {
      queryClient.setQueryData(key, data);
      setPending(null);
      setDone(`Saved for ${daysText({ from: leave.onDate, until: leave.untilDate ?? leave.onDate })}.`);
    },
  });
  // Clashes are looked up first; the leave is saved at once only when there are none.
  const check = useMutation({
    mutationFn: async (leave: Leave) => {
      const query = {
        onDate: leave.onDate,
        untilDate: leave.untilDate,
        startsAt: leave.startsAt,
        endsAt: leave.endsAt,
      };
      return { leave, ...(await api(endpoints.leaveClashes, { params: { id: staffId }, query })) };
    },
    onSuccess: ({ leave, clashes }) => (clashes.length === 0 ? save.mutate(leave) : setPending({ leave, clashes })),
  });
  const remove = useMutation({
    mutationFn: (run: Run) =>
      api(endpoints.removeHoursExceptions, {
        params: { id: staffId },
        query: { onDate: run.from, untilDate: run.until },
      }),
    onSuccess: (data, run) => {
      queryClient.setQueryData(key, data);
      setRemoving(null);
      setDone(`Removed for ${daysText(run)}.`);
    },
  });
  const busy = check.isPending || save.isPending;

  return (
    <section className="panel" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave and other hours on a date</h2>
      {done && (
        <p role="status" className="alert ok">
          {done}
        </p>
      )}
      {exceptions.length === 0 ? (
        <p className="empty">No leave or other hours recorded.</p>
      ) : (
        <ul>
          {runsOf(exceptions).map((r) => (
            <li key={r.from} className="row tight">
              <span>
                {daysText(r)}: {r.startsAt ? `${r.startsAt}–${r.endsAt}` : "off"} — {r.reason}
              </span>
              {removing?.from === r.from ? (
                <span className="row tight" role="group" aria-label={`Confirm removing ${daysText(r)}`}>
                  <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(r)}>
                    Yes, remove
                  </button>
                  <button type="button" className="secondary" onClick={() => setRemoving(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" className="secondary" onClick={() => setRemoving(r)}>
                  Remove {daysText(r)}…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ProblemMessage error={remove.error} />}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const until = String(f.get("untilDate") ?? "");
          setDone("");
          check.mutate({
            onDate: String(f.get("onDate")),
            untilDate: until || undefined,
            reason: String(f.get("exceptionReason")),
            startsAt: off ? undefined : String(f.get("exceptionFrom")),
            endsAt: off ? undefined : String(f.get("exceptionTo")),
          });
        }}
      >
        <div className="field">
          <label htmlFor="onDate">First day</label>
          <input id="onDate" name="onDate" type="date" required />
        </div>
        <div className="field">
          <label htmlFor="untilDate">Last day (optional)</label>
          <input id="untilDate" name="untilDate" type="date" />
        </div>
        <label className="inline">
          <input type="checkbox" name="off" checked={off} onChange={(e) => setOff(e.target.checked)} /> Off all day
        </label>
        <div className="field">
          <label htmlFor="exceptionFrom">From</label>
          <input id="exceptionFrom" name="exceptionFrom" type="time" defaultValue="08:00" disabled={off} />
        </div>
        <div className="field">
          <label htmlFor="exceptionTo">To</label>
          <input id="exceptionTo" name="exceptionTo" type="time" defaultValue="12:00" disabled={off} />
        </div>
        <div className="field">
          <label htmlFor="exceptionReason">Reason</label>
          <input id="exceptionReason" name="exceptionReason" required />
        </div>
        <div className="field">
          <button type="submit" disabled={busy || pending !== null}>
            Add
          </button>
        </div>
      </form>
      {pending && (
        <div role="alert" className="alert error">
          <p>
            <strong>
              {pending.clashes.length === 1
                ? "1 booked appointment falls outside these hours."
                : `${pending.clashes.length} booked appointments fall outside these hours.`}
            </strong>{" "}
            They stay booked if you save: ask reception to move them.
          </p>
          <DataTable
            rows={pending.clashes}
            rowKey={(c) => c.appointmentId}
            empty="No clashes."
            columns={[
              { header: "Date", cell: (c) => formatDay(c.day) },
              { header: "Time", cell: (c) => formatTime(c.start, localZone()) },
              { header: "Appointment", cell: (c) => kindLabel[c.kind] },
              { header: "Patient", cell: (c) => `${c.patient.name} (${c.patient.mrn})` },
            ]}
          />
          <div className="row tight">
            <button
              type="button"
              disabled={save.isPending}
              onClick={() => save.mutate({ ...pending.leave, acceptClashes: true })}
            >
              Save the leave anyway
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Do not save
            </button>
          </div>
        </div>
      )}
      {check.error && <ProblemMessage error={check.error} />}
      {save.error && <ProblemMessage error={save.error} />}
    </section>
  );
}
