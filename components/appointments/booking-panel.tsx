"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type AnswerOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { kindLabel } from "./labels";

type Slot = AnswerOf<typeof endpoints.findSlots>["items"][number];

/**
 * Finds free slots for a kind of appointment (the right clinician and room, inside their hours,
 * clear of everyone's bookings) and books the one chosen. For an arthroscopy the admission
 * follows the anaesthesia assessment: a day case only with help at home (SX-4). `homeSupport` is
 * undefined for a role that may not read the assessment (reception): the booking then follows
 * the assessment on the server unless another admission is chosen. With `rebook`, an appointment
 * the patient did not attend, it books the same dressing visit or physiotherapy session again.
 */
export function BookingPanel({
  caseId,
  timeZone,
  today,
  kinds,
  homeSupport,
  rebook,
}: {
  caseId: string;
  timeZone: string;
  today: string;
  kinds: AppointmentKind[];
  homeSupport: boolean | null | undefined;
  rebook?: { kind: AppointmentKind; dressingVisitId: string | null; physioSessionId: string | null };
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AppointmentKind>(rebook?.kind ?? kinds[0] ?? "consultation");
  const [from, setFrom] = useState(today);
  const [homeVisit, setHomeVisit] = useState(false);
  const [search, setSearch] = useState<{ kind: AppointmentKind; from: string; homeVisit: boolean } | null>(null);
  const unknown = homeSupport === undefined;
  const [admission, setAdmission] = useState<"as_assessed" | "day_case" | "inpatient">(
    unknown ? "as_assessed" : homeSupport ? "day_case" : "inpatient",
  );
  // The first 24 free slots, and the next 24 on "More free slots" (the list pages by cursor).
  const slots = useInfiniteQuery({
    queryKey: ["slots", caseId, search],
    enabled: search !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api(endpoints.findSlots, {
        query: {
          caseId,
          kind: search!.kind,
          from: search!.from,
          days: 7,
          limit: 24,
          ...(search!.homeVisit ? { homeVisit: "true" } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const found = slots.data?.pages.flatMap((p) => p.items) ?? [];
  const book = useMutation({
    mutationFn: (slot: Slot) =>
      api(endpoints.bookAppointment, {
        idempotencyKey: crypto.randomUUID(),
        body: {
          caseId,
          kind: search!.kind,
          start: slot.start,
          clinicianId: slot.clinician?.id,
          anaesthetistId: slot.anaesthetist?.id,
          roomId: slot.room?.id,
          homeVisit: search!.homeVisit || undefined,
          admission: search!.kind === "arthroscopy" && admission !== "as_assessed" ? admission : undefined,
          ...(rebook?.kind === search!.kind
            ? {
                dressingVisitId: rebook.dressingVisitId ?? undefined,
                physioSessionId: rebook.physioSessionId ?? undefined,
              }
            : {}),
        },
      }),
    // A slot taken meanwhile disappears from the list.
    onError: () => void slots.refetch(),
    onSuccess: () => {
      setSearch(null);
      for (const key of ["appointments", "case", "cases", "calendar", "slots", "care-plan"])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });

  return (
    <div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          book.reset();
          setSearch({ kind, from, homeVisit: kind === "dressing" && homeVisit });
        }}
      >
        <div className="field">
          <label htmlFor="book-kind">Appointment</label>
          <select id="book-kind" value={kind} onChange={(e) => setKind(e.target.value as AppointmentKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="book-from">From</label>
          <input
            id="book-from"
            type="date"
            min={today}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </div>
        {kind === "dressing" && (
          <label className="inline">
            <input type="checkbox" checked={homeVisit} onChange={(e) => setHomeVisit(e.target.checked)} /> Home visit
          </label>
        )}
        <div className="field">
          <button type="submit">Find free slots</button>
        </div>
      </form>
      {search?.kind === "arthroscopy" && (
        <fieldset className="field">
          <legend>Admission</legend>
          {unknown && (
            <label className="inline">
              <input
                type="radio"
                name="admission"
                checked={admission === "as_assessed"}
                onChange={() => setAdmission("as_assessed")}
              />{" "}
              As the anaesthesia assessment allows
            </label>
          )}
          <label className="inline">
            <input
              type="radio"
              name="admission"
              checked={admission === "day_case"}
              disabled={!unknown && !homeSupport}
              onChange={() => setAdmission("day_case")}
            />{" "}
            Day case
          </label>
          <label className="inline">
            <input
              type="radio"
              name="admission"
              checked={admission === "inpatient"}
              onChange={() => setAdmission("inpatient")}
            />{" "}
            Inpatient
          </label>
          {unknown && <div className="hint">A day case the assessment does not allow is refused (rule SX-4).</div>}
          {!unknown && !homeSupport && (
            <div className="hint">Day case not possible — rule SX-4: the assessment records no help at home.</div>
          )}
        </fieldset>
      )}
      {search && slots.isPending && <p className="muted">Searching…</p>}
      {slots.error && <ProblemMessage error={slots.error} />}
      {search && slots.data && found.length === 0 && (
        <p className="empty">No free slot in the 7 days from {search.from}. Try later dates.</p>
      )}
      {search && slots.data && found.length > 0 && (
        <ul className="slots" aria-label="Free slots">
          {found.map((slot) => (
            <li key={`${slot.start}-${slot.clinician?.id}-${slot.room?.id}`}>
              <button type="button" className="secondary" disabled={book.isPending} onClick={() => book.mutate(slot)}>
                Book {formatDateTime(slot.start, timeZone)}
              </button>{" "}
              <span className="muted">
                {[slot.clinician?.name, slot.anaesthetist?.name, slot.room?.name ?? "home visit"]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {search && slots.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={slots.isFetchingNextPage}
          onClick={() => void slots.fetchNextPage()}
        >
          {slots.isFetchingNextPage ? "Searching…" : "More free slots"}
        </button>
      )}
      {book.error && <ProblemMessage error={book.error} />}
      {book.isSuccess && (
        <p role="status" className="alert ok">
          Booked: {kindLabel[book.data.kind]} on {formatDateTime(book.data.start, timeZone)}.
        </p>
      )}
    </div>
  );
}
