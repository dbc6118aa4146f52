import type { Values } from "./patient-values";

type TextKey = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values];

/** One labelled text input of the patient form, with its hint and its error read out with it. */
export function TextField({
  name,
  label,
  values,
  errors,
  onChange,
  type = "text",
  hint,
  autoComplete,
}: {
  name: TextKey;
  label: string;
  values: Values;
  errors: Record<string, string>;
  onChange: (name: TextKey, value: string) => void;
  type?: "text" | "tel" | "email" | "date";
  hint?: string;
  autoComplete?: string;
}) {
  const id = `patient-${name}`;
  const describedBy = [hint && `${id}-hint`, errors[name] && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={values[name]}
        autoComplete={autoComplete}
        onChange={(e) => onChange(name, e.target.value)}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={describedBy}
      />
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {errors[name] && (
        <div className="error" id={`${id}-error`}>
          {errors[name]}
        </div>
      )}
    </div>
  );
}
