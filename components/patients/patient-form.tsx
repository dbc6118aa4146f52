"use client";

import { useState } from "react";
import { ApiError } from "@/lib/http/client";
import { sexes } from "@/lib/domain/vocabulary";
import { birthDateProblem, patientInput, type PatientInput } from "@/lib/schemas/patient";
import { ProblemMessage } from "@/components/ui/problem-message";
import { PatientDetailsFields } from "./patient-details-fields";
import { TextField } from "./text-field";
import { emptyValues, fieldOfPath, inputOf, type Values } from "./patient-values";

export { valuesOf } from "./patient-values";

/**
 * The demographics and details form. It checks with the same schema as the server before
 * sending, and a birth date against `today`, the site's calendar day (never the browser's or
 * UTC's), and shows the server's field errors (a 400's, or the 409 of an NHS number another
 * patient has) beside their inputs.
 */
export function PatientForm({
  initial = emptyValues,
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

  const change = <K extends keyof Values>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));
  const errorsOf = (issues: { path: string; message: string }[]) =>
    Object.fromEntries(issues.map((issue) => [fieldOfPath(issue.path), issue.message]));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = patientInput.safeParse(inputOf(values));
    if (!parsed.success) {
      setFieldErrors(errorsOf(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))));
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
      if (error instanceof ApiError && error.problem.errors) setFieldErrors(errorsOf(error.problem.errors));
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  const text = { values, errors: fieldErrors, onChange: change };
  const errorOf = (name: "birthDate" | "sex") =>
    fieldErrors[name] && (
      <div className="error" id={`patient-${name}-error`}>
        {fieldErrors[name]}
      </div>
    );

  return (
    <form onSubmit={submit} noValidate>
      <div className="row">
        <TextField name="givenName" label="Given name" autoComplete="off" {...text} />
        <TextField name="familyName" label="Family name" autoComplete="off" {...text} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="patient-birthDate">Birth date</label>
          <input
            id="patient-birthDate"
            type="date"
            max={today}
            value={values.birthDate}
            onChange={(e) => change("birthDate", e.target.value)}
            aria-invalid={Boolean(fieldErrors.birthDate)}
            aria-describedby={fieldErrors.birthDate ? "patient-birthDate-error" : undefined}
          />
          {errorOf("birthDate")}
        </div>
        <div className="field">
          <label htmlFor="patient-sex">Sex</label>
          <select
            id="patient-sex"
            value={values.sex}
            onChange={(e) => change("sex", e.target.value)}
            aria-invalid={Boolean(fieldErrors.sex)}
            aria-describedby={fieldErrors.sex ? "patient-sex-error" : undefined}
          >
            <option value="">Choose…</option>
            {sexes.map((sex) => (
              <option key={sex} value={sex}>
                {sex}
              </option>
            ))}
          </select>
          {errorOf("sex")}
        </div>
        <TextField
          name="nhsNumber"
          label="NHS number (optional)"
          hint="10 digits; spaces are fine"
          autoComplete="off"
          {...text}
        />
      </div>
      <div className="row">
        <TextField name="phone" label="Phone (optional)" type="tel" {...text} />
        <TextField name="email" label="Email (optional)" type="email" {...text} />
      </div>
      <PatientDetailsFields {...text} />
      {failure !== null && <ProblemMessage error={failure} />}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
