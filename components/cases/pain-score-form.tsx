"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDay } from "@/lib/domain/date-format";
import type { PainTimepoint } from "@/lib/domain/vocabulary";
import { endpoints } from "@/lib/http/endpoints";
import { CommandFooter, formValues, useCaseCommand } from "./command";
import { DateField } from "./diagnosis-forms";
import { painTimepointLabel } from "./labels";

/** A time point's window as the form offers it: its days, or why it has none yet (OC-1). */
export type TimepointChoice = { timepoint: PainTimepoint } & ({ from: string; to: string } | { unavailable: string });

const scoreWords: Record<number, string> = { 0: "no pain", 10: "worst imaginable" };

/**
 * Records a pain score (OC-1): the time point (each with its window's days, the points not due
 * yet greyed out with the reason), the score 0-10 and its day (today by default). After it is
 * recorded the page's server-rendered chart is drawn again and the confirmation names the score.
 */
export function PainScoreForm({
  caseId,
  today,
  choices,
  suggested,
}: {
  caseId: string;
  today: string;
  choices: TimepointChoice[];
  /** The time point whose window holds today, chosen first. */
  suggested: PainTimepoint | null;
}) {
  const router = useRouter();
  const command = useCaseCommand(endpoints.recordPainScore, { id: caseId });
  const [recorded, setRecorded] = useState<string>();
  return (
    <form
      onSubmit={(e) => {
        const f = formValues(e);
        const timepoint = f.get("timepoint") as PainTimepoint;
        const score = Number(f.get("score"));
        command.mutate(
          { timepoint, score, recordedOn: f.get("painRecordedOn") },
          {
            onSuccess: (answer) => {
              setRecorded(
                `Pain score ${answer.score} out of 10 recorded: ${painTimepointLabel[timepoint].toLowerCase()}, ${formatDay(answer.recordedOn)}.`,
              );
              router.refresh();
            },
          },
        );
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor="pain-timepoint">Time point</label>
          <select id="pain-timepoint" name="timepoint" defaultValue={suggested ?? ""} required>
            <option value="" disabled>
              Choose a time point
            </option>
            {choices.map((c) => (
              <option key={c.timepoint} value={c.timepoint} disabled={"unavailable" in c}>
                {painTimepointLabel[c.timepoint]}:{" "}
                {"unavailable" in c ? c.unavailable : `${formatDay(c.from)} to ${formatDay(c.to)}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pain-score">Pain score (0 no pain, 10 worst imaginable)</label>
          <select id="pain-score" name="score" defaultValue="" required>
            <option value="" disabled>
              Choose a score
            </option>
            {Array.from({ length: 11 }, (_, n) => (
              <option key={n} value={n}>
                {n}
                {scoreWords[n] ? ` — ${scoreWords[n]}` : ""}
              </option>
            ))}
          </select>
        </div>
        <DateField name="painRecordedOn" label="Scored on" today={today} />
      </div>
      <CommandFooter label="Record the pain score" mutation={command} recorded={recorded} />
    </form>
  );
}
