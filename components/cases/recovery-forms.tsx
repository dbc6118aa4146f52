"use client";

import { useState } from "react";
import { endpoints } from "@/lib/http/endpoints";
import { clearanceActivities } from "@/lib/domain/vocabulary";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { DateField } from "./diagnosis-forms";
import { activityLabel } from "./labels";

type Props = { caseId: string; today: string };

export function CrutchWeaningForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.recordCrutchWeaning, { id: caseId });
  return (
    <form onSubmit={(e) => command.mutate({ recordedOn: formValues(e).get("weanedOn") })}>
      <DateField name="weanedOn" label="Off crutches on" today={today} />
      <CommandFooter label="Record crutch weaning" mutation={command} />
    </form>
  );
}

export function ClearanceForm({ caseId, today }: Props) {
  const command = useCaseCommand(endpoints.recordClearance, { id: caseId });
  const [activity, setActivity] = useState<string>("cycling");
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate({
          activity,
          clearedOn: f.get("clearedOn"),
          sport: activity === "other" ? f.get("sport") : undefined,
        });
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor="activity">Activity</label>
          <select id="activity" value={activity} onChange={(e) => setActivity(e.target.value)}>
            {clearanceActivities.map((a) => (
              <option key={a} value={a}>
                {activityLabel[a]}
              </option>
            ))}
          </select>
        </div>
        <DateField name="clearedOn" label="Cleared on" today={today} />
        {activity === "other" && (
          <div className="field">
            <label htmlFor="sport">Sport</label>
            <input id="sport" name="sport" required />
          </div>
        )}
      </div>
      <CommandFooter label="Record clearance" mutation={command} />
    </form>
  );
}
