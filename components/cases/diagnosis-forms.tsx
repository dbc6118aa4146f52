"use client";

import { endpoints } from "@/lib/http/endpoints";
import { guidances, measures, modalities, outcomes, painSeverities } from "@/lib/domain/vocabulary";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { guidanceLabel, measureLabel, modalityLabel, outcomeLabel } from "./labels";

type Props = { caseId: string; today: string };

function YesNo({ name, legend }: { name: string; legend: string }) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <label className="inline">
        <input type="radio" name={name} value="yes" required /> Yes
      </label>
      <label className="inline">
        <input type="radio" name={name} value="no" /> No
      </label>
    </fieldset>
  );
}

export function DateField({ name, label, today }: { name: string; label: string; today: string }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type="date" defaultValue={today} max={today} required />
    </div>
  );
}

export function ImagingForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.recordImaging, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          modality: f.get("modality"),
          performedOn: f.get("imagingOn"),
          findings: f.get("findings"),
          supportsDiagnosis: f.get("supports") === "yes",
        });
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor="modality">Modality</label>
          <select id="modality" name="modality" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {modalities.map((m) => (
              <option key={m} value={m}>
                {modalityLabel[m]}
              </option>
            ))}
          </select>
        </div>
        <DateField name="imagingOn" label="Performed on" today={today} />
      </div>
      <div className="field">
        <label htmlFor="findings">Findings</label>
        <textarea id="findings" name="findings" rows={2} required />
      </div>
      <YesNo name="supports" legend="Does it support the diagnosis?" />
      <CommandFooter label="Record imaging" mutation={command} />
    </form>
  );
}

export function InjectionForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.recordDiagnosticInjection, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          performedOn: f.get("injectionOn"),
          guidance: f.get("guidance"),
          painRelieved: f.get("relieved") === "yes",
        });
      }}
    >
      <div className="row">
        <DateField name="injectionOn" label="Injected on" today={today} />
        <div className="field">
          <label htmlFor="guidance">Guidance</label>
          <select id="guidance" name="guidance" required>
            {guidances.map((g) => (
              <option key={g} value={g}>
                {guidanceLabel[g]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <YesNo name="relieved" legend="Did it relieve the pain?" />
      <CommandFooter label="Record injection" mutation={command} />
    </form>
  );
}

export function CourseForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.startFirstLineCourse, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          startedOn: f.get("courseOn"),
          painSeverity: f.get("severity"),
          measures: f.getAll("measures"),
        });
      }}
    >
      <div className="row">
        <DateField name="courseOn" label="Started on" today={today} />
        <div className="field">
          <label htmlFor="severity">Pain</label>
          <select id="severity" name="severity" required>
            {painSeverities.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field">
        <legend>Measures</legend>
        {measures.map((m) => (
          <label key={m} className="inline block">
            <input type="checkbox" name="measures" value={m} /> {measureLabel[m]}
          </label>
        ))}
        <div className="hint">Immobilisation only when the pain is severe (FL-2).</div>
      </fieldset>
      <CommandFooter label="Start course" mutation={command} />
    </form>
  );
}

export function ReviewForm({ caseId, courseId, today }: Props & { courseId: string }) {
  const command = useCaseCommand(endpoints.reviewFirstLineCourse, { id: caseId, courseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({ reviewedOn: f.get("reviewOn"), outcome: f.get("outcome") });
      }}
    >
      <DateField name="reviewOn" label="Reviewed on" today={today} />
      <fieldset className="field">
        <legend>Outcome</legend>
        {outcomes.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="outcome" value={o} required /> {outcomeLabel[o]}
          </label>
        ))}
      </fieldset>
      <CommandFooter label="Record review" mutation={command} />
    </form>
  );
}
