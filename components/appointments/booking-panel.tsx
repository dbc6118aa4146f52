"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { requirements } from "@/lib/domain/scheduling";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { kindLabel } from "./labels";
import { SlotFinder, type Slot } from "./slot-finder";

/** Kinds the server offers with the case's own surgeon unless another is chosen. */
const ownSurgeonKinds: AppointmentKind[] = ["follow_up", "arthroscopy"];

/**
 * Finds free slots for a kind of appointment (the right clinician and room, inside their hours,
 * clear of everyone's bookings, on the days the pathway allows) and books the one chosen. For an
 * arthroscopy the admission follows the anaesthesia assessment: a day case only with help at home
 * (SX-4). `homeSupport` is undefined for a role that may not read the assessment (reception): the
 * booking then follows the assessment on the server unless another admission is chosen; null when
 * no assessment is recorded yet. With `rebook`, an appointment the patient did not attend, it
 * books the same dressing visit or physiotherapy session again.
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
  const [homeVisit, setHomeVisit] = useState(false);
  const unknown = homeSupport === undefined;
  const [admission, setAdmission] = useState<"as_assessed" | "day_case" | "inpatient">(
    unknown ? "as_assessed" : homeSupport ? "day_case" : "inpatient",
  );
  const need = requirements[kind];
  const atHome = kind === "dressing" && homeVisit;
  const book = useMutation({
    mutationFn: (slot: Slot) =>
      api(endpoints.bookAppointment, {
        idempotencyKey: crypto.randomUUID(),
        body: {
          caseId,
          kind,
          start: slot.start,
          clinicianId: slot.clinician?.id,
          anaesthetistId: slot.anaesthetist?.id,
          roomId: slot.room?.id,
          homeVisit: atHome || undefined,
          admission: kind === "arthroscopy" && admission !== "as_assessed" ? admission : undefined,
          ...(rebook?.kind === kind
            ? {
                dressingVisitId: rebook.dressingVisitId ?? undefined,
                physioSessionId: rebook.physioSessionId ?? undefined,
              }
            : {}),
        },
      }),
    // A slot taken meanwhile disappears from the list.
    onSettled: () => {
      for (const key of ["appointments", "case", "cases", "calendar", "slots", "care-plan"])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });

  return (
    <div>
      <div className="row">
        <div className="field">
          <label htmlFor="book-kind">Appointment</label>
          <select
            id="book-kind"
            value={kind}
            onChange={(e) => {
              book.reset();
              setKind(e.target.value as AppointmentKind);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === "dressing" && (
          <label className="inline">
            <input type="checkbox" checked={homeVisit} onChange={(e) => setHomeVisit(e.target.checked)} /> Home visit
          </label>
        )}
      </div>
      {kind === "arthroscopy" && (
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
              disabled={homeSupport === false}
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
          {homeSupport === false && (
            <div className="hint">Day case not possible: the assessment records no help at home (rule SX-4).</div>
          )}
        </fieldset>
      )}
      <SlotFinder
        key={`${kind}-${atHome}`}
        queryKey={[caseId, kind, atHome]}
        fetchPage={(filters) =>
          api(endpoints.findSlots, {
            query: { caseId, kind, ...filters, ...(atHome ? { homeVisit: "true" } : {}) },
          })
        }
        today={today}
        timeZone={timeZone}
        staffRole={need.clinician}
        ownSurgeon={ownSurgeonKinds.includes(kind)}
        roomKind={atHome ? null : need.room}
        onChoose={(slot) => book.mutate(slot)}
        busy={book.isPending}
        actionLabel="Book"
      />
      {book.error && <ProblemMessage error={book.error} />}
      {book.isSuccess && (
        <p role="status" className="alert ok">
          Booked: {kindLabel[book.data.kind]} on {formatDateTime(book.data.start, timeZone)}.
        </p>
      )}
    </div>
  );
}
