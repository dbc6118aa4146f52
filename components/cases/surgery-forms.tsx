"use client";

import { useState } from "react";
import { wallClockToInstant } from "@/components/appointments/labels";
import { standardProcedure } from "@/lib/schemas/case";
import { endpoints } from "@/lib/http/endpoints";
import { anaesthesiaTypes, type AnaesthesiaType } from "@/lib/domain/vocabulary";
import { PriorityChoice } from "./listing-priority";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { DateField } from "./diagnosis-forms";
import { anaesthesiaLabel } from "./labels";

type Props = { caseId: string; today: string };

export function ListingForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.listForSurgery, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({ listedOn: f.get("listedOn"), priority: f.get("priority"), notes: f.get("listingNotes") });
      }}
    >
      <DateField name="listedOn" label="Listed on" today={today} />
      {/* WL-1: the page always asks; only an API client that sends none gets P4. */}
      <PriorityChoice name="priority" legend="Clinical priority" />
      <div className="field">
        <label htmlFor="listingNotes">Notes (optional)</label>
        <textarea id="listingNotes" name="listingNotes" rows={2} />
      </div>
      <CommandFooter label="List for arthroscopy" mutation={command} />
    </form>
  );
}

type NextOfKin = { name: string; relationship: string; phone: string | null } | null;

/** The anaesthetist's assessment; `nextOfKin` (the patient's record) is shown beside the help-at-home question. */
export function AssessmentForm({ caseId, today, nextOfKin }: Props & { nextOfKin: NextOfKin }) {
  const command = useCaseCommand(endpoints.recordAnaesthesiaAssessment, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          assessedOn: f.get("assessedOn"),
          asaGrade: Number(f.get("asa")),
          anaesthesiaType: f.get("anaesthesia"),
          homeSupport: f.get("homeSupport") === "yes",
          notes: f.get("assessmentNotes"),
        });
      }}
    >
      <div className="row">
        <DateField name="assessedOn" label="Assessed on" today={today} />
        <div className="field">
          <label htmlFor="asa">ASA grade</label>
          <select id="asa" name="asa" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {[1, 2, 3, 4, 5].map((g) => (
              <option key={g} value={g}>
                ASA {g}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field">
        <legend>Anaesthesia</legend>
        {anaesthesiaTypes.map((t) => (
          <label key={t} className="inline">
            <input type="radio" name="anaesthesia" value={t} required /> {anaesthesiaLabel[t]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Can family or friends help at home after a day case?</legend>
        <p className="hint" id="next-of-kin">
          {nextOfKin
            ? `Next of kin or carer on record: ${nextOfKin.name} (${nextOfKin.relationship})${nextOfKin.phone ? `, ${nextOfKin.phone}` : ""}.`
            : "No next of kin or carer is recorded: ask the patient, and reception can add one to the record."}
        </p>
        <label className="inline">
          <input type="radio" name="homeSupport" value="yes" required /> Yes
        </label>
        <label className="inline">
          <input type="radio" name="homeSupport" value="no" /> No (inpatient admission)
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="assessmentNotes">Notes (optional)</label>
        <textarea id="assessmentNotes" name="assessmentNotes" rows={2} />
      </div>
      <CommandFooter label="Record assessment" mutation={command} />
    </form>
  );
}

export function OperationForm({
  caseId,
  today,
  timeZone,
  assessedType,
}: Props & { timeZone: string; assessedType: AnaesthesiaType | null }) {
  const command = useCaseCommand(endpoints.recordOperation, { id: caseId });
  const [given, setGiven] = useState(assessedType ?? "");
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          performedAt: wallClockToInstant(String(f.get("performedAt")), timeZone),
          procedure: f.get("procedure"),
          anaesthesiaGiven: f.get("given"),
          anaesthesiaChangeReason: f.get("changeReason") ?? null,
          findings: f.get("opFindings"),
          dischargeAnalgesia: f.get("analgesia"),
        });
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor="performedAt">Performed at ({timeZone})</label>
          <input id="performedAt" name="performedAt" type="datetime-local" max={`${today}T23:59`} required />
        </div>
        <div className="field">
          <label htmlFor="given">Anaesthesia given</label>
          <select id="given" name="given" value={given} onChange={(e) => setGiven(e.target.value)} required>
            {anaesthesiaTypes.map((t) => (
              <option key={t} value={t}>
                {anaesthesiaLabel[t]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {assessedType && given !== assessedType && (
        <div className="field">
          <label htmlFor="changeReason">Reason for the change from {anaesthesiaLabel[assessedType]} (SX-5)</label>
          <input id="changeReason" name="changeReason" required />
        </div>
      )}
      <div className="field">
        <label htmlFor="procedure">Procedure</label>
        <input id="procedure" name="procedure" defaultValue={standardProcedure} required style={{ width: "100%" }} />
      </div>
      <div className="field">
        <label htmlFor="opFindings">Operative findings</label>
        <textarea id="opFindings" name="opFindings" rows={2} required />
      </div>
      <div className="field">
        <label htmlFor="analgesia">Analgesia prescribed for home</label>
        <input id="analgesia" name="analgesia" required style={{ width: "100%" }} />
      </div>
      <CommandFooter label="Record operation" mutation={command} />
    </form>
  );
}
