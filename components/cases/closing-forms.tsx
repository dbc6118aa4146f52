"use client";

import { useState } from "react";
import { endpoints } from "@/lib/http/endpoints";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { DateField } from "./diagnosis-forms";
import { ProblemMessage } from "@/components/ui/problem-message";

type Props = { caseId: string; today: string };

/** Cancelling closes the case for good, so it asks once more before it is sent. */
export function CancelForm({ caseId }: Props) {
  const command = useCaseCommand(endpoints.cancelCase, { id: caseId });
  const [reason, setReason] = useState<string | null>(null);
  if (reason !== null) {
    return (
      <div role="group" aria-label="Confirm the cancellation">
        <p className="alert warn">Cancel this case? It closes the case for good; the record and its history stay.</p>
        <div className="row">
          <button type="button" onClick={() => command.mutate({ reason })} disabled={command.isPending}>
            Yes, cancel the case
          </button>
          <button type="button" className="secondary" onClick={() => setReason(null)}>
            Keep the case open
          </button>
        </div>
        {command.error && <ProblemMessage error={command.error} />}
      </div>
    );
  }
  return (
    <form onSubmit={(e) => setReason(String(formValues(e).get("cancelReason") ?? ""))}>
      <div className="field">
        <label htmlFor="cancelReason">Reason</label>
        <input id="cancelReason" name="cancelReason" required maxLength={500} style={{ width: "100%" }} />
      </div>
      <button type="submit" className="secondary">
        Cancel the case…
      </button>
    </form>
  );
}

export function DischargeForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.dischargeCase, { id: caseId });
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({ dischargedOn: f.get("dischargedOn"), notes: f.get("dischargeNotes") });
      }}
    >
      <DateField name="dischargedOn" label="Discharged on" today={today} />
      <div className="field">
        <label htmlFor="dischargeNotes">Notes (optional)</label>
        <textarea id="dischargeNotes" name="dischargeNotes" rows={2} />
      </div>
      <CommandFooter label="Discharge" mutation={command} />
    </form>
  );
}
