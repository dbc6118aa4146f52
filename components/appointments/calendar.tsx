"use client";

import { formatDay, formatTime } from "@/lib/domain/date-format";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { addDays, instantAt } from "@/lib/domain/time";
import { apiAll, type QueryOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { DataTable } from "@/components/ui/data-table";
import { kindLabel } from "./labels";

type Option = { id: string; name: string };

const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Day and week views of the site, one clinician or one room, cancelled appointments shown struck through. */
export function Calendar({
  timeZone,
  today,
  staff,
  rooms,
}: {
  timeZone: string;
  today: string;
  staff: Option[];
  rooms: Option[];
}) {
  const [view, setView] = useState<"site" | "clinician" | "room">("site");
  const [who, setWho] = useState("");
  const [span, setSpan] = useState<"day" | "week">("week");
  const [day, setDay] = useState(today);
  const first = span === "week" ? mondayOf(day) : day;
  const days = Array.from({ length: span === "week" ? 7 : 1 }, (_, i) => addDays(first, i));
  const from = instantAt(first, 0, 0, timeZone).toISOString();
  const to = instantAt(addDays(first, days.length), 0, 0, timeZone).toISOString();
  const filter: QueryOf<typeof endpoints.listAppointments> =
    view === "clinician" && who ? { clinicianId: who } : view === "room" && who ? { roomId: who } : {};
  const ready = view === "site" || who !== "";
  const list = useQuery({
    queryKey: ["calendar", from, to, filter],
    enabled: ready,
    queryFn: () => apiAll(endpoints.listAppointments, { query: { from, to, ...filter } }),
  });
  const options = view === "clinician" ? staff : rooms;

  return (
    <>
      <section className="panel">
        <div className="row">
          <div className="field">
            <label htmlFor="cal-view">Calendar of</label>
            <select
              id="cal-view"
              value={view}
              onChange={(e) => {
                setView(e.target.value as typeof view);
                setWho("");
              }}
            >
              <option value="site">The whole site</option>
              <option value="clinician">A clinician</option>
              <option value="room">A room or theatre</option>
            </select>
          </div>
          {view !== "site" && (
            <div className="field">
              <label htmlFor="cal-who">{view === "clinician" ? "Clinician" : "Room"}</label>
              <select id="cal-who" value={who} onChange={(e) => setWho(e.target.value)}>
                <option value="">Choose…</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="cal-span">Show</label>
            <select id="cal-span" value={span} onChange={(e) => setSpan(e.target.value as typeof span)}>
              <option value="day">Day</option>
              <option value="week">Week</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="cal-day">Date</label>
            <input id="cal-day" type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
          </div>
          <div className="field row tight">
            <button type="button" className="secondary" onClick={() => setDay(addDays(day, span === "week" ? -7 : -1))}>
              Previous
            </button>
            <button type="button" className="secondary" onClick={() => setDay(today)}>
              Today
            </button>
            <button type="button" className="secondary" onClick={() => setDay(addDays(day, span === "week" ? 7 : 1))}>
              Next
            </button>
          </div>
        </div>
      </section>
      {!ready && <p className="muted">Choose a {view === "clinician" ? "clinician" : "room"}.</p>}
      {list.error && <ProblemMessage error={list.error} />}
      {ready && list.isPending && <p className="muted">Loading…</p>}
      {list.data &&
        days.map((d) => {
          const rows = list.data.items.filter(
            (a) =>
              new Date(a.start) >= instantAt(d, 0, 0, timeZone) &&
              new Date(a.start) < instantAt(addDays(d, 1), 0, 0, timeZone),
          );
          return (
            <section key={d} className="panel" aria-label={formatDay(d)}>
              <h2>{formatDay(d)}</h2>
              <DataTable
                rows={rows}
                rowKey={(a) => a.id}
                rowClassName={(a) => (a.status === "cancelled" ? "cancelled" : undefined)}
                empty="Nothing booked."
                columns={[
                  { header: "Time", cell: (a) => `${formatTime(a.start, timeZone)}–${formatTime(a.end, timeZone)}` },
                  { header: "Appointment", cell: (a) => kindLabel[a.kind] },
                  { header: "Patient", cell: (a) => <Link href={`/cases/${a.caseId}`}>{a.patient.name}</Link> },
                  {
                    header: "Clinicians",
                    cell: (a) => [a.clinician?.name, a.anaesthetist?.name].filter(Boolean).join(", ") || "—",
                  },
                  { header: "Room", cell: (a) => a.room?.name ?? (a.kind === "dressing" ? "Home visit" : "—") },
                  { header: "Status", cell: (a) => a.status },
                ]}
              />
            </section>
          );
        })}
    </>
  );
}
