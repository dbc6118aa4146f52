"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime, formatDay, formatTime } from "@/lib/domain/date-format";
import type { PassedOverReason } from "@/lib/domain/theatre-candidates";
import { ApiError, api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import type { CandidateList } from "@/lib/schemas/theatre-candidates";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";

type Candidate = CandidateList["items"][number];

const admissionLabel = { day_case: "Day case", inpatient: "Inpatient" } as const;

/** Why waiting patients cannot take the time, completing "N patients ..." in plain words. */
const passedOverWords: Record<PassedOverReason, string> = {
  already_booked: "already have their arthroscopy booked",
  not_assessed: "have not had their anaesthesia assessment yet",
  assessment_not_valid: "have no anaesthesia assessment valid on that day",
  surgeon_busy: "have a surgeon who is already booked at that time",
  surgeon_off: "have a surgeon who is not working at that time",
  patient_busy: "have another appointment at that time",
  no_anaesthetist: "cannot be booked: no anaesthetist is free at that time",
};

/**
 * The waiting-list patients who could take a freed theatre time (WL-4), in waiting-list order,
 * each booked with "Book this time" and a confirmation, through the normal booking (its rules
 * apply; a refusal is shown in words and the list is asked again). With nobody to offer, says why.
 */
export function TheatreOffer({
  roomId,
  start,
  end,
  timeZone,
}: {
  roomId: string;
  start: string;
  end: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const query = { roomId, start, end };
  const list = useQuery({
    queryKey: ["theatre-candidates", query],
    queryFn: () => api(endpoints.theatreCandidates, { query }),
    retry: false,
  });
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [booked, setBooked] = useState<AppointmentView | null>(null);
  const book = useMutation({
    mutationFn: (c: Candidate) =>
      api(endpoints.bookAppointment, {
        body: {
          caseId: c.caseId,
          kind: "arthroscopy",
          start: c.start,
          end: c.end,
          clinicianId: c.surgeon.id,
          anaesthetistId: c.anaesthetist.id,
          roomId: c.room.id,
          admission: c.admission,
        },
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: (appointment) => {
      setChosen(null);
      setBooked(appointment);
    },
    onSettled: () => {
      for (const key of ["theatre-candidates", "appointments", "calendar"])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });

  const status = (
    <div role="status">
      {booked && (
        <p className="alert ok">
          Booked: {booked.patient.name}, arthroscopy {formatDateTime(booked.start, timeZone)}–
          {formatTime(booked.end, timeZone)} in {booked.room?.name} (
          {booked.admission ? admissionLabel[booked.admission].toLowerCase() : ""}).{" "}
          <Link href={`/cases/${booked.caseId}`}>Open the case</Link>
        </p>
      )}
    </div>
  );
  if (list.isPending) return status;
  if (list.error) {
    // Booked meanwhile (SC-1): the time is no longer free to offer, which is news, not a failure.
    const taken = list.error instanceof ApiError && list.error.problem.status === 409;
    return (
      <>
        {status}
        {taken ? (
          <p className="alert warn">This time is no longer free: {(list.error as ApiError).problem.detail}</p>
        ) : (
          <ProblemMessage error={list.error} />
        )}
      </>
    );
  }
  const { items, passedOver } = list.data;
  return (
    <>
      {status}
      {book.error && <ProblemMessage error={book.error} />}
      {chosen && (
        <section className="panel" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Book this time for {chosen.patient.name}?</h2>
          <p>
            Arthroscopy {formatDateTime(chosen.start, timeZone)}–{formatTime(chosen.end, timeZone)} in{" "}
            {chosen.room.name}, with {chosen.surgeon.name} operating and {chosen.anaesthetist.name} giving the
            anaesthetic; admitted as {admissionLabel[chosen.admission].toLowerCase()}.
          </p>
          <div className="row tight">
            <button type="button" disabled={book.isPending} onClick={() => book.mutate(chosen)}>
              {book.isPending ? "Booking…" : "Confirm the booking"}
            </button>
            <button type="button" className="secondary" onClick={() => setChosen(null)}>
              Back to the list
            </button>
          </div>
        </section>
      )}
      {items.length === 0 && <NobodyCan passedOver={passedOver} />}
      {items.length > 0 && (
        <DataTable
          rows={items}
          rowKey={(c) => c.caseId}
          stacked
          caption="Patients who could take this time, most urgent first"
          columns={[
            { header: "Patient", cell: (c) => `${c.patient.name} (${c.patient.mrn})` },
            { header: "Priority", cell: (c) => c.priority },
            { header: "Waited", cell: (c) => `${c.weeksWaited} weeks` },
            { header: "Breach date", cell: (c) => formatDay(c.breachOn) },
            { header: "Admission", cell: (c) => admissionLabel[c.admission] },
            { header: "Surgeon", cell: (c) => c.surgeon.name },
            {
              header: <span className="visually-hidden">Actions</span>,
              cell: (c) => (
                <button
                  type="button"
                  disabled={book.isPending}
                  onClick={() => {
                    book.reset();
                    setChosen(c);
                  }}
                  aria-label={`Book this time for ${c.patient.name}`}
                >
                  Book this time
                </button>
              ),
            },
          ]}
        />
      )}
      {items.length > 0 && passedOver.length > 0 && <PassedOver passedOver={passedOver} />}
    </>
  );
}

function PassedOver({ passedOver }: { passedOver: CandidateList["passedOver"] }) {
  return (
    <ul className="muted">
      {passedOver.map((p) => (
        <li key={p.reason}>
          {p.count} {p.count === 1 ? "patient" : "patients"} on the list {passedOverWords[p.reason]} (rule {p.rule}).
        </li>
      ))}
    </ul>
  );
}

function NobodyCan({ passedOver }: { passedOver: CandidateList["passedOver"] }) {
  if (passedOver.length === 0)
    return <p className="empty">Nobody can take this time: nobody is waiting on the list.</p>;
  return (
    <div className="empty">
      <p>Nobody on the waiting list can take this time.</p>
      <PassedOver passedOver={passedOver} />
    </div>
  );
}
