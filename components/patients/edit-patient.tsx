"use client";

import { formatDay } from "@/lib/domain/date-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { PatientInput } from "@/lib/schemas/patient";
import { spacedNhsNumber } from "@/lib/domain/patient-identifiers";
import { ProblemMessage } from "@/components/ui/problem-message";
import { PatientForm, valuesOf } from "./patient-form";

/** A patient's demographics to correct; `today` is the site's calendar day, the latest birth date. */
export function EditPatient({ id, justRegistered, today }: { id: string; justRegistered: boolean; today: string }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const patient = useQuery({ queryKey: ["patient", id], queryFn: () => api(endpoints.getPatient, { params: { id } }) });
  const save = useMutation({
    mutationFn: (input: PatientInput) => api(endpoints.updatePatient, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(["patient", id], updated);
      queryClient.invalidateQueries({ queryKey: ["patients"] });
      setSaved(true);
    },
  });

  if (patient.isPending) return <p className="muted">Loading the patient…</p>;
  if (patient.error) return <ProblemMessage error={patient.error} />;
  const p = patient.data;
  return (
    <>
      <h1>
        {p.familyName.toUpperCase()}, {p.givenName}
      </h1>
      <p className="muted">
        MRN <strong>{p.mrn}</strong> · born {formatDay(p.birthDate)}
        {p.nhsNumber && (
          <>
            {" "}
            · NHS number <strong>{spacedNhsNumber(p.nhsNumber)}</strong>
          </>
        )}
        {p.interpreterNeeded && ` · needs an interpreter${p.preferredLanguage ? ` (${p.preferredLanguage})` : ""}`}
      </p>
      {justRegistered && !saved && (
        <p className="alert ok" role="status">
          Registered with MRN {p.mrn}.
        </p>
      )}
      {saved && (
        <p className="alert ok" role="status">
          Changes saved.
        </p>
      )}
      <section className="panel">
        <h2>Demographics and details</h2>
        <PatientForm
          today={today}
          key={p.updatedAt}
          initial={valuesOf(p)}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            setSaved(false);
            await save.mutateAsync(input);
          }}
        />
      </section>
    </>
  );
}
