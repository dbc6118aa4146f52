"use client";

import { format, getDay, parse, startOfWeek } from "date-fns";
import { enGB } from "date-fns/locale/en-GB";
import type { ReactNode } from "react";
import { Calendar, dateFnsLocalizer, type Formats } from "react-big-calendar";
import withDragAndDrop from "react-big-calendar/lib/addons/dragAndDrop";
import "react-big-calendar/lib/css/react-big-calendar.css";
import "react-big-calendar/lib/addons/dragAndDrop/styles.css";
import { fromWallClock, toWallClock } from "@/lib/domain/calendar-grid";
import type { Interval } from "@/lib/domain/scheduling";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { attendanceLabel, attendanceOf } from "./calendar-attendance";
import { kindLabel } from "./labels";
import styles from "./calendar.module.css";

/** A booking (or a free block when `appointment` is absent) as the grid draws it, on the site's wall clock. */
type GridEvent = { key: string; title: string; start: Date; end: Date; appointment?: AppointmentView };

const localizer = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: { "en-GB": enGB } });
const DragAndDropCalendar = withDragAndDrop<GridEvent>(Calendar);
// The grid's own day headers carry role="columnheader" outside any table or grid (an axe error):
// plain text reads correctly.
const components = { header: ({ label }: { label: ReactNode }) => <span>{label}</span> };
const clockRange = ({ start, end }: { start: Date; end: Date }) => `${format(start, "HH:mm")}–${format(end, "HH:mm")}`;
const formats: Formats = {
  timeGutterFormat: "HH:mm",
  eventTimeRangeFormat: clockRange,
  selectRangeFormat: clockRange,
  dayFormat: "EEE d MMM",
  dayHeaderFormat: "EEE d MMM yyyy",
  dayRangeHeaderFormat: ({ start, end }) => `${format(start, "d MMM")} – ${format(end, "d MMM yyyy")}`,
};

/** The words a booking is drawn with: who, what, and a cancelled or attendance mark that is not colour alone. */
function titleOf(a: AppointmentView): string {
  const attendance = attendanceOf(a);
  const what = `${a.patient.name} · ${kindLabel[a.kind]}${attendance ? ` · ${attendanceLabel[attendance]}` : ""}`;
  return a.status === "cancelled" ? `Cancelled: ${what}` : what;
}

/**
 * The day or week grid (react-big-calendar) of a set of appointments and free blocks, drawn on
 * the site's wall clock whatever the browser's zone. A booking opens on click or Enter
 * (`onOpen`); a free block or a dragged range starts a booking at its start (`onFree`, an
 * instant); dragging a booked appointment proposes a new start (`onDrop`, an instant) that the
 * caller confirms. `day` is the site date shown ("YYYY-MM-DD").
 */
export function CalendarGrid({
  view,
  day,
  timeZone,
  appointments,
  free,
  onOpen,
  onFree,
  onDrop,
}: {
  view: "day" | "week";
  day: string;
  timeZone: string;
  appointments: AppointmentView[];
  free: Interval[];
  onOpen: (appointment: AppointmentView) => void;
  onFree: (start: Date) => void;
  onDrop: (appointment: AppointmentView, start: Date) => void;
}) {
  const events: GridEvent[] = appointments.map((a) => ({
    key: a.id,
    title: titleOf(a),
    start: toWallClock(new Date(a.start), timeZone),
    end: toWallClock(new Date(a.end), timeZone),
    appointment: a,
  }));
  const background: GridEvent[] = free.map((f) => ({
    key: `free-${f.start.toISOString()}`,
    title: "Free",
    start: toWallClock(f.start, timeZone),
    end: toWallClock(f.end, timeZone),
  }));
  // Office hours in view, widened to any booking or free block outside them so none is cut off.
  const shown = [...events, ...background];
  const earliest = Math.min(7, ...shown.map((e) => e.start.getHours()));
  const latest = Math.max(20, ...shown.map((e) => (e.end.getMinutes() ? e.end.getHours() + 1 : e.end.getHours())));
  const [y, m, d] = day.split("-").map(Number);
  const open = (e: GridEvent) => (e.appointment ? onOpen(e.appointment) : onFree(fromWallClock(e.start, timeZone)));

  return (
    <div className={styles.grid}>
      <DragAndDropCalendar
        localizer={localizer}
        culture="en-GB"
        formats={formats}
        components={components}
        toolbar={false}
        views={["day", "week"]}
        view={view}
        onView={() => undefined}
        date={new Date(y!, m! - 1, d!)}
        onNavigate={() => undefined}
        drilldownView={null}
        events={events}
        backgroundEvents={background}
        titleAccessor="title"
        step={15}
        timeslots={4}
        min={new Date(y!, m! - 1, d!, earliest)}
        max={new Date(y!, m! - 1, d!, Math.min(latest, 23), latest > 23 ? 59 : 0)}
        getNow={() => toWallClock(new Date(), timeZone)}
        eventPropGetter={(e) => ({
          className: !e.appointment ? styles.free : e.appointment.status === "cancelled" ? styles.cancelled : undefined,
        })}
        onSelectEvent={open}
        onKeyPressEvent={(e, key) => {
          if ("key" in key && (key.key === "Enter" || key.key === " ")) open(e);
        }}
        selectable
        onSelectSlot={({ start }) => onFree(fromWallClock(start as Date, timeZone))}
        draggableAccessor={(e) => e.appointment?.status === "booked"}
        resizable={false}
        onEventDrop={({ event, start }) =>
          event.appointment && onDrop(event.appointment, fromWallClock(new Date(start), timeZone))
        }
      />
    </div>
  );
}
