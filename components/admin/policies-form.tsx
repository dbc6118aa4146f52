"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { defaultPolicies } from "@/lib/domain/policies";
import { appointmentKinds, painTimepoints } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { PoliciesInput } from "@/lib/schemas/policies";
import { ProblemMessage } from "@/components/ui/problem-message";
import { kindLabel } from "@/components/appointments/labels";
import { painTimepointLabel } from "@/components/cases/labels";
import { TheatreSessionsFields } from "./theatre-sessions-fields";
import { RemindersFields, remindersFrom } from "./reminders-fields";

const fields: {
  name: "assessmentValidityDays" | "dressingPlannedUntilDay" | "physioFirstWithinDays";
  label: string;
  rule: string;
}[] = [
  { name: "assessmentValidityDays", label: "An anaesthesia assessment is valid for (days)", rule: "SX-3" },
  { name: "dressingPlannedUntilDay", label: "Dressings are planned up to day", rule: "PO-3" },
  { name: "physioFirstWithinDays", label: "First physiotherapy session within (days)", rule: "PO-4" },
];

/** The clinic's own settings for the rules the protocol leaves to each clinic. */
export function PoliciesForm() {
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: ["policies"], queryFn: () => api(endpoints.getPolicies) });
  const save = useMutation({
    mutationFn: (body: PoliciesInput) => api(endpoints.setPolicies, { body }),
    onSuccess: (data) => queryClient.setQueryData(["policies"], data),
  });
  if (policies.isPending) return <p className="muted">Loading…</p>;
  if (policies.error) return <ProblemMessage error={policies.error} />;
  const current = policies.data;
  return (
    <form
      key={JSON.stringify(current)}
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const number = (name: string) => Number(f.get(name));
        save.mutate({
          assessmentValidityDays: number("assessmentValidityDays"),
          dressingPlannedUntilDay: number("dressingPlannedUntilDay"),
          physioFirstWithinDays: number("physioFirstWithinDays"),
          clinicPhone: String(f.get("clinicPhone") ?? "").trim() || null,
          rttTargetWeeks: number("rttTargetWeeks"),
          theatreSessions: {
            morning: { start: String(f.get("morning-start")), end: String(f.get("morning-end")) },
            afternoon: { start: String(f.get("afternoon-start")), end: String(f.get("afternoon-end")) },
          },
          importantPainDifference: number("importantPainDifference"),
          painScoreWindowDays: Object.fromEntries(
            painTimepoints.map((p) => [p, number(`window-${p}`)]),
          ) as PoliciesInput["painScoreWindowDays"],
          reminders: remindersFrom(f),
          portalLinkDays: number("portalLinkDays"),
          durations: Object.fromEntries(
            Object.keys(current.durations).map((k) => [k, number(`duration-${k}`)]),
          ) as PoliciesInput["durations"],
        });
      }}
    >
      <h2>Clinic</h2>
      <div className="field">
        <label htmlFor="clinicPhone">Telephone number printed on patients&apos; plans</label>
        <input
          id="clinicPhone"
          name="clinicPhone"
          type="tel"
          autoComplete="off"
          defaultValue={current.clinicPhone ?? ""}
          placeholder="020 7946 0000"
        />
      </div>
      <h2>Pathway</h2>
      {fields.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>
            {field.label} <span className="muted">({field.rule})</span>
          </label>
          <input id={field.name} name={field.name} type="number" min={1} defaultValue={current[field.name]} required />
        </div>
      ))}
      <h2>Waiting list</h2>
      <div className="field">
        <label htmlFor="rttTargetWeeks">
          Target from listing to operation, and from referral to treatment (weeks) <span className="muted">(WL-2)</span>
        </label>
        <input
          id="rttTargetWeeks"
          name="rttTargetWeeks"
          type="number"
          min={1}
          max={52}
          defaultValue={current.rttTargetWeeks}
          required
        />
      </div>
      <TheatreSessionsFields sessions={current.theatreSessions ?? defaultPolicies.theatreSessions} />
      <h2>Outcomes</h2>
      <div className="field">
        <label htmlFor="importantPainDifference">
          A fall in pain score that counts as a clinically important improvement (points){" "}
          <span className="muted">(OC-4)</span>
        </label>
        <input
          id="importantPainDifference"
          name="importantPainDifference"
          type="number"
          min={1}
          max={10}
          defaultValue={current.importantPainDifference ?? defaultPolicies.importantPainDifference}
          required
        />
      </div>
      <fieldset>
        <legend>
          Window of each pain score time point, in days <span className="muted">(OC-1)</span>
        </legend>
        <p className="muted">
          After the operation: this many days either side of the due day. Before the operation: this many days before
          it. At referral: this many days after it. At listing: either side of it.
        </p>
        <div className="row">
          {painTimepoints.map((point) => (
            <div className="field" key={point}>
              <label htmlFor={`window-${point}`}>{painTimepointLabel[point]}</label>
              <input
                id={`window-${point}`}
                name={`window-${point}`}
                type="number"
                min={1}
                max={90}
                defaultValue={(current.painScoreWindowDays ?? defaultPolicies.painScoreWindowDays)[point]}
                required
                style={{ minWidth: "6rem" }}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <h2>Messages to patients</h2>
      <RemindersFields reminders={current.reminders ?? defaultPolicies.reminders} />
      <div className="field">
        <label htmlFor="portalLinkDays">A link to the patient&apos;s own page works for (days)</label>
        <input
          id="portalLinkDays"
          name="portalLinkDays"
          type="number"
          min={1}
          max={365}
          defaultValue={current.portalLinkDays ?? defaultPolicies.portalLinkDays}
          required
        />
      </div>
      <h2>Appointment lengths in minutes (SC-5)</h2>
      <div className="row">
        {appointmentKinds.map((kind) => (
          <div className="field" key={kind}>
            <label htmlFor={`duration-${kind}`}>{kindLabel[kind]}</label>
            <input
              id={`duration-${kind}`}
              name={`duration-${kind}`}
              type="number"
              min={5}
              max={480}
              defaultValue={current.durations[kind]}
              required
              style={{ minWidth: "6rem" }}
            />
          </div>
        ))}
      </div>
      {save.error && <ProblemMessage error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="alert ok">
          Policies saved. They apply to what is booked and recorded from now on.
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        Save policies
      </button>
    </form>
  );
}
