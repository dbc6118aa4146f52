"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDay } from "@/lib/domain/date-format";
import { appointmentKinds, type AppointmentKind } from "@/lib/domain/vocabulary";
import { api, apiAll } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { ProblemMessage } from "@/components/ui/problem-message";
import { useFocusOnOpen, wallClockValue } from "./calendar-booking";
import { kindLabel, wallClockToInstant } from "./labels";

/**
 * Books an appointment at a start chosen on the grid (an instant, editable here on the site's
 * wall clock): find the patient, choose the case and the kind. `resources` carries the clinician
 * or room whose calendar is shown; the server picks whatever else the kind needs and refuses
 * what the protocol forbids (its message is shown).
 */
export function BookFromGrid({
  start,
  timeZone,
  resources,
  onClose,
  onDone,
}: {
  start: Date;
  timeZone: string;
  resources: { clinicianId?: string; roomId?: string };
  onClose: () => void;
  onDone: (booked: AppointmentView) => void;
}) {
  const queryClient = useQueryClient();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [typed, setTyped] = useState("");
  const [term, setTerm] = useState("");
  const [patientId, setPatientId] = useState("");
  const [caseId, setCaseId] = useState("");
  const [kind, setKind] = useState<AppointmentKind>("consultation");
  const patients = useQuery({
    queryKey: ["calendar-patients", term],
    enabled: term !== "",
    queryFn: () => api(endpoints.searchPatients, { query: { q: term, limit: 25 } }),
  });
  const cases = useQuery({
    queryKey: ["calendar-cases", patientId],
    enabled: patientId !== "",
    queryFn: () => apiAll(endpoints.listCases, { query: { patientId } }),
  });
  const book = useMutation({
    mutationFn: (startAt: string) =>
      api(endpoints.bookAppointment, { body: { caseId, kind, start: startAt, ...resources } }),
    onSuccess: (booked) => {
      void queryClient.invalidateQueries({ queryKey: ["calendar"] });
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
      onDone(booked);
    },
  });
  const find = () => {
    setTerm(typed.trim());
    setPatientId("");
    setCaseId("");
  };

  return (
    <section className="panel" aria-labelledby="book-heading">
      <h2 id="book-heading" ref={heading} tabIndex={-1}>
        Book an appointment
      </h2>
      <form
        aria-label="Book an appointment"
        onSubmit={(e) => {
          e.preventDefault();
          book.mutate(wallClockToInstant(String(new FormData(e.currentTarget).get("start")), timeZone));
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor="book-find">Find the patient (name or MRN)</label>
            <input
              id="book-find"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  find();
                }
              }}
            />
          </div>
          <div className="field">
            <button type="button" className="secondary" onClick={find} disabled={typed.trim() === ""}>
              Find
            </button>
          </div>
        </div>
        {patients.error && <ProblemMessage error={patients.error} />}
        {patients.data && patients.data.items.length === 0 && <p className="muted">No patient found.</p>}
        {patients.data && patients.data.items.length > 0 && (
          <div className="field">
            <label htmlFor="book-patient">Patient</label>
            <select
              id="book-patient"
              value={patientId}
              onChange={(e) => {
                setPatientId(e.target.value);
                setCaseId("");
              }}
            >
              <option value="">Choose…</option>
              {patients.data.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.familyName.toUpperCase()}, ${p.givenName} (${p.mrn})`}
                </option>
              ))}
            </select>
          </div>
        )}
        {cases.error && <ProblemMessage error={cases.error} />}
        {cases.data && cases.data.items.length === 0 && <p className="muted">This patient has no case.</p>}
        {cases.data && cases.data.items.length > 0 && (
          <div className="field">
            <label htmlFor="book-case">Case</label>
            <select id="book-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} required>
              <option value="">Choose…</option>
              {cases.data.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.side} ankle, ${c.statusLabel}, referred ${formatDay(c.referredOn)}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="row">
          <div className="field">
            <label htmlFor="book-kind">Appointment</label>
            <select id="book-kind" value={kind} onChange={(e) => setKind(e.target.value as AppointmentKind)}>
              {appointmentKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="book-start">Start ({timeZone} time)</label>
            <input
              id="book-start"
              name="start"
              type="datetime-local"
              step={300}
              required
              defaultValue={wallClockValue(start, timeZone)}
            />
          </div>
        </div>
        {book.error && <ProblemMessage error={book.error} />}
        <div className="row tight">
          <button type="submit" disabled={book.isPending || caseId === ""}>
            Book
          </button>
          <button type="button" className="secondary" onClick={onClose} disabled={book.isPending}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
