"use client";

import { formatDay } from "@/lib/domain/date-format";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { api, apiAll } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { Patient, PatientInput } from "@/lib/schemas/patient";
import { PatientForm } from "./patient-form";

/**
 * Registration shows likely duplicates (same birth date, similar name) before it creates a
 * new record; the receptionist opens the existing one or confirms a new registration.
 */
export function RegisterPatient({ today }: { today: string }) {
  const router = useRouter();
  const [candidates, setCandidates] = useState<{ input: PatientInput; items: Patient[] } | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());

  async function create(input: PatientInput) {
    const patient = await api(endpoints.registerPatient, { body: input, idempotencyKey: idempotencyKey.current });
    router.push(`/reception/patients/${patient.id}?registered=1`);
  }

  async function submit(input: PatientInput) {
    const found = await apiAll(endpoints.checkDuplicatePatients, {
      query: { givenName: input.givenName, familyName: input.familyName, birthDate: input.birthDate },
    });
    if (found.items.length > 0) {
      setCandidates({ input, items: found.items });
      return;
    }
    await create(input);
  }

  return (
    <>
      <section className="panel">
        <PatientForm today={today} submitLabel="Register patient" onSubmit={submit} />
      </section>
      {candidates && (
        <section className="panel" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">This patient may already be registered</h2>
          <div className="alert warn" role="status">
            {candidates.items.length === 1 ? "One patient has" : `${candidates.items.length} patients have`} the same
            birth date and a similar name. Open the existing record if it is the same person.
          </div>
          <ul>
            {candidates.items.map((p) => (
              <li key={p.id}>
                <Link href={`/reception/patients/${p.id}`}>
                  {p.familyName.toUpperCase()}, {p.givenName} — {p.mrn}, born {formatDay(p.birthDate)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" onClick={() => create(candidates.input)}>
              Register as a new patient anyway
            </button>
            <button type="button" className="secondary" onClick={() => setCandidates(null)}>
              Back to the form
            </button>
          </div>
        </section>
      )}
    </>
  );
}
