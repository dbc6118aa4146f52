"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDay } from "@/lib/domain/date-format";
import { returnActivities } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { ActivityReturnView } from "@/lib/schemas/outcome-records";
import { ProblemMessage } from "@/components/ui/problem-message";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { DateField } from "./diagnosis-forms";
import { returnActivityLabel } from "./labels";

type Props = { caseId: string; today: string; canRecord: boolean };

const levelWords = (level: boolean | null) =>
  level === null ? "level not known" : level ? "at the previous level" : "below the previous level";

/** "Running: resumed on 3 Apr 2026, day 75, 14 days after it was allowed (from day 61), at the previous level." */
function ReturnLine({ item }: { item: ActivityReturnView }) {
  const activity = item.activity === "sport" ? `${item.sport} (own sport)` : returnActivityLabel[item.activity];
  return (
    <li>
      <strong>{activity}</strong>: resumed on {formatDay(item.resumedOn)} — {item.summary} (
      {levelWords(item.previousLevel)}) <span className="muted">recorded by {item.recordedBy}</span>
    </li>
  );
}

/**
 * OC-2: the days the patient resumed each activity, against the leaflet's timetable (cycling and
 * swimming from day 21, running from two months), and the form a surgeon or physiotherapist
 * records one with, never before its clearance.
 */
export function ActivityReturns({ caseId, today, canRecord }: Props) {
  const queryKey = ["activity-returns", caseId];
  const list = useQuery({ queryKey, queryFn: () => api(endpoints.listActivityReturns, { params: { id: caseId } }) });
  return (
    <section className="panel" aria-labelledby="returns-title">
      <h2 id="returns-title">Return to activity</h2>
      <p className="muted">
        The leaflet allows cycling and swimming from day 21 and running from two months after the operation; the
        clinician sets the date for the patient&apos;s own sport.
      </p>
      {list.isPending && <p className="muted">Loading…</p>}
      {list.error && <ProblemMessage error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">No return to activity is recorded yet.</p>
        ) : (
          <ul className="compact" aria-label="Returns to activity">
            {list.data.items.map((item) => (
              <ReturnLine key={item.id} item={item} />
            ))}
          </ul>
        ))}
      {canRecord && <ReturnForm caseId={caseId} today={today} />}
    </section>
  );
}

function ReturnForm({ caseId, today }: { caseId: string; today: string }) {
  const queryClient = useQueryClient();
  const command = useCaseCommand(endpoints.recordActivityReturn, { id: caseId });
  const [activity, setActivity] = useState<string>("cycling");
  return (
    <form
      aria-labelledby="return-form-title"
      onSubmit={(e) => {
        const f = formValues(e);
        const level = f.get("previousLevel");
        command.mutate(
          {
            activity,
            resumedOn: f.get("resumedOn"),
            sport: activity === "sport" ? f.get("returnSport") : undefined,
            previousLevel: level === "yes" ? true : level === "no" ? false : null,
          },
          {
            onSuccess: () => {
              void queryClient.invalidateQueries({ queryKey: ["activity-returns", caseId] });
              void queryClient.invalidateQueries({ queryKey: ["outcomes", caseId] });
            },
          },
        );
      }}
    >
      <h3 id="return-form-title">Record a return to activity</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="return-activity">Activity</label>
          <select id="return-activity" value={activity} onChange={(e) => setActivity(e.target.value)}>
            {returnActivities.map((a) => (
              <option key={a} value={a}>
                {returnActivityLabel[a]}
              </option>
            ))}
          </select>
        </div>
        <DateField name="resumedOn" label="Resumed on" today={today} />
        {activity === "sport" && (
          <div className="field">
            <label htmlFor="returnSport">Sport</label>
            <input id="returnSport" name="returnSport" required maxLength={100} />
          </div>
        )}
      </div>
      <fieldset className="field">
        <legend>At the previous level?</legend>
        {[
          ["yes", "Yes"],
          ["no", "No"],
          ["unknown", "Not known"],
        ].map(([value, label]) => (
          <label key={value} className="inline">
            <input type="radio" name="previousLevel" value={value} defaultChecked={value === "unknown"} /> {label}
          </label>
        ))}
      </fieldset>
      <CommandFooter
        label="Record the return"
        mutation={command}
        recorded={command.data ? `Recorded. ${command.data.summary}` : undefined}
      />
    </form>
  );
}
