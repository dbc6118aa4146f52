import styles from "./patient-form.module.css";
import { TextField } from "./text-field";
import type { Values } from "./patient-values";

type Props = {
  values: Values;
  errors: Record<string, string>;
  onChange: <K extends keyof Values>(name: K, value: Values[K]) => void;
};

function Tick({ name, label, values, onChange }: Props & { name: keyof Values & `${string}`; label: string }) {
  return (
    <label className={styles.choice}>
      <input
        type="checkbox"
        checked={Boolean(values[name])}
        onChange={(e) => onChange(name, e.target.checked as Values[typeof name])}
      />
      {label}
    </label>
  );
}

/**
 * The parts of a patient's record beyond demographics: address, GP practice, next of kin or
 * carer (the anaesthetist asks about help at home), language, and the channels the patient
 * consents to be contacted on. Each section is optional; a section started must be completed.
 */
export function PatientDetailsFields(props: Props) {
  return (
    <>
      <fieldset className={styles.section}>
        <legend>Address (optional)</legend>
        <div className="row">
          <TextField name="addressLine1" label="Address line 1" autoComplete="address-line1" {...props} />
          <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="address-line2" {...props} />
        </div>
        <div className="row">
          <TextField name="town" label="Town" autoComplete="address-level2" {...props} />
          <TextField name="postcode" label="Postcode" autoComplete="postal-code" {...props} />
        </div>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>GP practice (optional)</legend>
        <div className="row">
          <TextField name="gpName" label="Practice name" {...props} />
          <TextField name="gpOdsCode" label="ODS code (optional)" hint="For example B86001" {...props} />
        </div>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>Next of kin or carer (optional)</legend>
        <div className="row">
          <TextField name="kinName" label="Next of kin or carer" {...props} />
          <TextField
            name="kinRelationship"
            label="Relationship to the patient"
            hint="For example wife, son, carer"
            {...props}
          />
          <TextField name="kinPhone" label="Next of kin phone number (optional)" type="tel" {...props} />
        </div>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>Language</legend>
        <div className="row">
          <TextField name="preferredLanguage" label="Preferred language (optional)" {...props} />
          <div className="field">
            <Tick name="interpreterNeeded" label="Needs an interpreter" {...props} />
          </div>
        </div>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>The patient agrees to be contacted by</legend>
        <Tick name="contactEmail" label="Email" {...props} />
        <Tick name="contactSms" label="Text message (SMS)" {...props} />
        <Tick name="contactPost" label="Post" {...props} />
      </fieldset>
    </>
  );
}
