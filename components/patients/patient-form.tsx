"use client";

import { useState } from "react";
import { ApiError } from "@/lib/http/client";
import { sexes } from "@/lib/domain/vocabulary";
import { birthDateProblem, patientInput, type PatientInput, type Patient } from "@/lib/schemas/patient";
import { ProblemMessage } from "@/components/ui/problem-message";

type Values = Record<"givenName" | "familyName" | "birthDate" | "sex" | "phone" | "email", string>;

const empty: Values = { givenName: "", familyName: "", birthDate: "", sex: "", phone: "", email: "" };

export function valuesOf(patient: Patient): Values {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.phone ?? "",
    email: patient.email ?? "",
  };
}

/**
 * The demographics form. It checks with the same schema as the server before sending, and a
 * birth date against `today`, the site's calendar day (never the browser's or UTC's), and
 * shows the server's field errors when it refuses.
 */
export function PatientForm({
  initial = empty,
  today,
  submitLabel,
  onSubmit,
}: {
  initial?: Values;
  today: string;
  submitLabel: string;
  onSubmit: (input: PatientInput) => Promise<void>;
}) {
  const [values, setValues] = useState<Values>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const set = (name: keyof Values) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = patientInput.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    const future = birthDateProblem(parsed.data.birthDate, today);
    if (future) {
      setFieldErrors({ birthDate: future });
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        setFieldErrors(Object.fromEntries(error.problem.errors.map((e) => [e.path, e.message])));
      }
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  const field = (name: keyof Values, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`patient-${name}`}>{label}</label>
      {input}
      {hint && (
        <div className="hint" id={`patient-${name}-hint`}>
          {hint}
        </div>
      )}
      {fieldErrors[name] && (
        <div className="error" id={`patient-${name}-error`}>
          {fieldErrors[name]}
        </div>
      )}
    </div>
  );
  const describedBy = (name: keyof Values) => (fieldErrors[name] ? `patient-${name}-error` : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <div className="row">
        {field(
          "givenName",
          "Given name",
          <input
            id="patient-givenName"
            value={values.givenName}
            onChange={set("givenName")}
            aria-invalid={Boolean(fieldErrors.givenName)}
            aria-describedby={describedBy("givenName")}
          />,
        )}
        {field(
          "familyName",
          "Family name",
          <input
            id="patient-familyName"
            value={values.familyName}
            onChange={set("familyName")}
            aria-invalid={Boolean(fieldErrors.familyName)}
            aria-describedby={describedBy("familyName")}
          />,
        )}
      </div>
      <div className="row">
        {field(
          "birthDate",
          "Birth date",
          <input
            id="patient-birthDate"
            type="date"
            max={today}
            value={values.birthDate}
            onChange={set("birthDate")}
            aria-invalid={Boolean(fieldErrors.birthDate)}
            aria-describedby={describedBy("birthDate")}
          />,
        )}
        {field(
          "sex",
          "Sex",
          <select
            id="patient-sex"
            value={values.sex}
            onChange={set("sex")}
            aria-invalid={Boolean(fieldErrors.sex)}
            aria-describedby={describedBy("sex")}
          >
            <option value="">Choose…</option>
            {sexes.map((sex) => (
              <option key={sex} value={sex}>
                {sex}
              </option>
            ))}
          </select>,
        )}
      </div>
      <div className="row">
        {field(
          "phone",
          "Phone (optional)",
          <input
            id="patient-phone"
            type="tel"
            value={values.phone}
            onChange={set("phone")}
            aria-describedby={describedBy("phone")}
          />,
        )}
        {field(
          "email",
          "Email (optional)",
          <input
            id="patient-email"
            type="email"
            value={values.email}
            onChange={set("email")}
            aria-describedby={describedBy("email")}
          />,
        )}
      </div>
      {failure !== null && <ProblemMessage error={failure} />}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
