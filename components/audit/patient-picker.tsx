"use client";

import { formatDay } from "@/lib/domain/date-format";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

export type PickedPatient = { id: string; label: string } | null;

/**
 * Chooses the patient whose events to show: by name (the patient search, so accents, case and
 * apostrophes do not matter), MRN, NHS number or postcode; a choice among several matches.
 */
export function PatientPicker({ picked, onPick }: { picked: PickedPatient; onPick: (p: PickedPatient) => void }) {
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<{ id: string; label: string }[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function find() {
    setFailure(null);
    setPending(true);
    try {
      const found = await api(endpoints.searchPatients, { query: { q: text.trim(), limit: 10 } });
      const options = found.items.map((p) => ({
        id: p.id,
        label: `${p.familyName.toUpperCase()}, ${p.givenName} (${p.mrn}, born ${formatDay(p.birthDate)})`,
      }));
      if (options.length === 1) {
        onPick(options[0]!);
        setMatches(null);
      } else setMatches(options);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  if (picked)
    return (
      <div className="field">
        <p>
          Patient: <strong>{picked.label}</strong>{" "}
          <button type="button" className="secondary" onClick={() => onPick(null)}>
            Any patient
          </button>
        </p>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor="audit-patient">Patient: name, MRN or NHS number</label>
      <div className="row tight">
        <input
          id="audit-patient"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (text.trim()) void find();
            }
          }}
        />
        <button type="button" className="secondary" disabled={pending || !text.trim()} onClick={() => void find()}>
          {pending ? "Finding…" : "Find patient"}
        </button>
      </div>
      {failure !== null && <ProblemMessage error={failure} />}
      {matches?.length === 0 && <p className="muted">No patient matches “{text.trim()}”.</p>}
      {matches && matches.length > 1 && (
        <ul aria-label="Matching patients">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className="secondary" onClick={() => onPick(m)}>
                {m.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
