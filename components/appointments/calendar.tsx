"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { freeIntervals } from "@/lib/domain/calendar-grid";
import { formatDateTime } from "@/lib/domain/date-format";
import { windowsOn, type WeeklyHours } from "@/lib/domain/scheduling";
import { addDays, instantAt } from "@/lib/domain/time";
import { apiAll, type QueryOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { ProblemMessage } from "@/components/ui/problem-message";
import { BookingDetail } from "./calendar-booking";
import { BookFromGrid } from "./calendar-book";
import { CalendarGrid } from "./calendar-grid";
import { OfferFreedTime } from "@/components/theatre/offer-link";

type Option = { id: string; name: string };
/** Weekly hours in site time and dated exceptions (no times: off all day) of one clinician or room. */
export type Hours = {
  weekly: WeeklyHours[];
  exceptions: { onDate: string; startsAt: string | null; endsAt: string | null }[];
};
type Selection =
  { open: "booking"; appointment: AppointmentView; proposedStart?: Date } | { open: "book"; start: Date } | null;

// The grid measures the browser's window and lays dates out in the browser's zone: it is drawn in
// the browser only (on the server, and before hydration, the page shows "Loading…").
const noChange = () => () => undefined;
const phoneWidth = "(max-width: 40rem)";
const onWidthChange = (notify: () => void) => {
  const query = window.matchMedia(phoneWidth);
  query.addEventListener("change", notify);
  return () => query.removeEventListener("change", notify);
};
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * Day and week grid of the site, one clinician or one room: booked and cancelled (struck through)
 * appointments, and for a clinician or room the free parts of their hours. A booking opens a
 * panel (details, move, cancel); a free block or range opens a booking form. At phone width the
 * week shows one day at a time.
 */
export function Calendar({
  timeZone,
  today,
  staff,
  rooms,
  hours,
}: {
  timeZone: string;
  today: string;
  staff: Option[];
  rooms: Option[];
  hours: Record<string, Hours>;
}) {
  const [view, setView] = useState<"site" | "clinician" | "room">("site");
  const [who, setWho] = useState("");
  const [span, setSpan] = useState<"day" | "week">("week");
  const [day, setDay] = useState(today);
  const [selection, setSelection] = useState<Selection>(null);
  const [done, setDone] = useState<{ message: string; changed?: AppointmentView } | null>(null);
  const inBrowser = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const phone = useSyncExternalStore(
    onWidthChange,
    () => window.matchMedia(phoneWidth).matches,
    () => false,
  );
  const shownSpan = phone ? "day" : span;
  const first = shownSpan === "week" ? mondayOf(day) : day;
  const days = Array.from({ length: shownSpan === "week" ? 7 : 1 }, (_, i) => addDays(first, i));
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
  const step = (n: number) => setDay(addDays(day, shownSpan === "week" ? 7 * n : n));
  const booked = (list.data?.items ?? [])
    .filter((a) => a.status === "booked")
    .map((a) => ({ start: new Date(a.start), end: new Date(a.end) }));
  const ofWho = who ? hours[who] : undefined;
  const windows = ofWho
    ? days.flatMap((d) =>
        windowsOn(
          d,
          ofWho.weekly,
          timeZone,
          ofWho.exceptions.find((e) => e.onDate === d),
        ),
      )
    : [];
  const finished = (message: string, changed?: AppointmentView) => {
    setSelection(null);
    setDone({ message, changed });
  };

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
            <button type="button" className="secondary" onClick={() => step(-1)}>
              Previous
            </button>
            <button type="button" className="secondary" onClick={() => setDay(today)}>
              Today
            </button>
            <button type="button" className="secondary" onClick={() => step(1)}>
              Next
            </button>
          </div>
        </div>
        {phone && span === "week" && <p className="muted">On a narrow screen the week is shown one day at a time.</p>}
        <p className="muted">
          Times are the site&apos;s ({timeZone}). Open a booking to move or cancel it (Enter on a focused booking);
          choose a free block or drag over empty time to book.
        </p>
      </section>
      <div role="status">
        {done && (
          <p className="alert ok">
            {done.message}
            {done.changed && <OfferFreedTime appointment={done.changed} />}
          </p>
        )}
      </div>
      {selection?.open === "booking" && (
        <BookingDetail
          key={selection.appointment.id + String(selection.proposedStart?.getTime())}
          appointment={selection.appointment}
          proposedStart={selection.proposedStart}
          timeZone={timeZone}
          onClose={() => setSelection(null)}
          onDone={finished}
        />
      )}
      {selection?.open === "book" && (
        <BookFromGrid
          key={selection.start.getTime()}
          start={selection.start}
          timeZone={timeZone}
          resources={view === "clinician" && who ? { clinicianId: who } : view === "room" && who ? { roomId: who } : {}}
          onClose={() => setSelection(null)}
          onDone={(a) => finished(`Booked: ${a.patient.name}, ${formatDateTime(a.start, timeZone)}.`)}
        />
      )}
      {!ready && <p className="muted">Choose a {view === "clinician" ? "clinician" : "room"}.</p>}
      {list.error && <ProblemMessage error={list.error} />}
      {ready && (list.isPending || !inBrowser) && <p className="muted">Loading…</p>}
      {list.data && inBrowser && (
        <>
          {list.data.items.length === 0 && <p className="muted">Nothing booked in this period.</p>}
          <CalendarGrid
            view={shownSpan}
            day={day}
            timeZone={timeZone}
            appointments={list.data.items}
            free={freeIntervals(windows, booked, new Date())}
            onOpen={(appointment) => setSelection({ open: "booking", appointment })}
            onFree={(start) => setSelection({ open: "book", start })}
            onDrop={(appointment, proposedStart) => setSelection({ open: "booking", appointment, proposedStart })}
          />
        </>
      )}
    </>
  );
}
