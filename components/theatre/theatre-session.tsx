"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatDay, formatTime } from "@/lib/domain/date-format";
import { ApiError, api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { TheatreSessionList } from "@/lib/schemas/theatre-list";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import { admissionLabel, sessionLabel, sideLabel, utilisationWords } from "./labels";

type Item = TheatreSessionList["items"][number];

/**
 * One theatre session's list as theatre staff read it (and pin it up, one printed page each):
 * the arthroscopies in running order with time, patient, MRN, side, surgeon, anaesthetist and
 * admission; utilisation in words and figures; free gaps, each offered to the waiting list.
 * With `canReorder`, "Move up" / "Move down" record a new running order (WL-5), confirmed
 * on screen; the moved patient's button keeps the keyboard focus.
 */
export function TheatreSession({
  initial,
  date,
  timeZone,
  canReorder,
}: {
  initial: TheatreSessionList;
  date: string;
  timeZone: string;
  canReorder: boolean;
}) {
  const router = useRouter();
  const [list, setList] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  const refocus = useRef<{ appointmentId: string; direction: "up" | "down" } | null>(null);
  // Keep the keyboard where it was: on the moved patient's button, or its other one at an end.
  const time = (at: string) => formatTime(at, timeZone);
  const title = `${list.theatre.name}, ${sessionLabel[list.session].toLowerCase()} session`;
  const headingId = `session-${list.theatre.id}-${list.session}`;

  const move = useMutation({
    mutationFn: ({ order }: { order: string[]; moved: Item; direction: "up" | "down" }) =>
      api(endpoints.reorderTheatreList, {
        body: { roomId: list.theatre.id, date, session: list.session, appointmentIds: order, version: list.version },
      }),
    onSuccess: (after, { moved, direction }) => {
      setList(after);
      const position = after.items.findIndex((i) => i.appointmentId === moved.appointmentId) + 1;
      setDone(`${moved.patient.name} moved to number ${position} of ${after.items.length}. The order is saved.`);
      refocus.current = { appointmentId: moved.appointmentId, direction };
    },
    onMutate: () => setDone(null),
  });

  // Once React has drawn the new order and the request is over: a button disabled while it runs,
  // or by the new order, cannot take the focus.
  useEffect(() => {
    if (!refocus.current || move.isPending) return;
    const { appointmentId, direction } = refocus.current;
    const same = document.getElementById(`move-${direction}-${appointmentId}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${direction === "up" ? "down" : "up"}-${appointmentId}`);
    (same && !same.disabled ? same : other)?.focus();
    refocus.current = null;
  }, [list, move.isPending]);

  const reorder = (index: number, direction: "up" | "down") => {
    const order = list.items.map((i) => i.appointmentId);
    const target = direction === "up" ? index - 1 : index + 1;
    [order[index], order[target]] = [order[target]!, order[index]!];
    move.mutate({ order, moved: list.items[index]!, direction });
  };
  const changedMeanwhile = move.error instanceof ApiError && move.error.problem.status === 409;

  const columns = [
    { header: "No.", cell: (i: Item) => i.position },
    { header: "Time", cell: (i: Item) => `${time(i.start)}–${time(i.end)}` },
    { header: "Patient", cell: (i: Item) => <Link href={`/cases/${i.caseId}`}>{i.patient.name}</Link> },
    { header: "MRN", cell: (i: Item) => i.patient.mrn },
    { header: "Side", cell: (i: Item) => sideLabel[i.side] },
    { header: "Surgeon", cell: (i: Item) => i.surgeon?.name ?? "—" },
    { header: "Anaesthetist", cell: (i: Item) => i.anaesthetist?.name ?? "—" },
    { header: "Admission", cell: (i: Item) => (i.admission ? admissionLabel[i.admission] : "—") },
  ];
  const moveColumn = {
    header: <span className="visually-hidden">Order</span>,
    cell: (i: Item) => {
      const index = i.position - 1;
      return (
        <span className="row tight no-print">
          {(["up", "down"] as const).map((direction) => (
            <button
              key={direction}
              id={`move-${direction}-${i.appointmentId}`}
              type="button"
              className="secondary"
              aria-label={`Move ${direction}: ${i.patient.name}`}
              disabled={move.isPending || (direction === "up" ? index === 0 : index === list.items.length - 1)}
              onClick={() => reorder(index, direction)}
            >
              Move {direction}
            </button>
          ))}
        </span>
      );
    },
  };

  return (
    <section className="panel theatre-session" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}
        <span className="session-when">
          {" "}
          · {formatDay(date)} · {time(list.start)}–{time(list.end)}
        </span>
      </h2>
      <p className="utilisation">
        <strong>{utilisationWords(list.utilisation)}</strong>: {Math.round(list.utilisation * 100)}% used,{" "}
        {list.bookedMinutes} of {list.sessionMinutes} minutes booked.
      </p>
      {done && (
        <p role="status" className="alert ok no-print">
          {done}
        </p>
      )}
      {move.error && (
        <div className="no-print">
          <ProblemMessage error={move.error} />
          {changedMeanwhile && (
            <button type="button" className="secondary" onClick={() => router.refresh()}>
              Reload the list
            </button>
          )}
        </div>
      )}
      <DataTable
        rows={list.items}
        columns={canReorder && list.items.length > 1 ? [...columns, moveColumn] : columns}
        rowKey={(i) => i.appointmentId}
        caption={`Arthroscopies of the ${title}, in running order`}
        empty="No arthroscopy is booked in this session."
        stacked
      />
      {list.gaps.length > 0 && (
        <>
          <h3 className="gaps-title">Free time</h3>
          <ul className="gaps">
            {list.gaps.map((gap) => (
              <li key={gap.start}>
                {time(gap.start)}–{time(gap.end)}{" "}
                <Link
                  className="no-print"
                  href={`/theatre-lists/offer?${new URLSearchParams({ roomId: list.theatre.id, start: gap.start, end: gap.end })}`}
                >
                  Offer this time to the waiting list
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
