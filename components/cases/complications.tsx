"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatDay } from "@/lib/domain/date-format";
import {
  clavienDindoGrades,
  complicationKinds,
  type ClavienDindoGrade,
  type ComplicationKind,
} from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { ComplicationOffer, ComplicationView } from "@/lib/schemas/outcome-records";
import { ProblemMessage } from "@/components/ui/problem-message";
import { formValues, useCaseCommand } from "./command";
import { clavienDindoMeaning, complicationKindLabel } from "./labels";

type Props = { caseId: string; today: string; canRecord: boolean };

function ComplicationLine({ item }: { item: ComplicationView }) {
  return (
    <li>
      <strong>
        {formatDay(item.occurredOn)} (day {item.dayAfterOperation}): {complicationKindLabel[item.kind]}
      </strong>
      , Clavien-Dindo {clavienDindoMeaning[item.grade]}
      {item.dressingRecordId && ", raised from a dressing visit with signs of infection"}
      {item.notes && <div>{item.notes}</div>}
      <div className="muted">recorded by {item.recordedBy}</div>
    </li>
  );
}

/**
 * OC-3: the case's complications for the clinical roles, the complication each dressing visit
 * with signs of infection offers the surgeon (pre-filled: wound infection on the visit's day, the
 * grade left to choose), and the surgeon's form. `?complicationFrom=<dressing record>` (the
 * recovery board's link) opens that visit's offer.
 */
export function Complications({ caseId, today, canRecord }: Props) {
  const queryKey = ["complications", caseId];
  const list = useQuery({ queryKey, queryFn: () => api(endpoints.listComplications, { params: { id: caseId } }) });
  const linked = useSearchParams().get("complicationFrom");
  const [chosen, choose] = useState<ComplicationOffer | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const offers = canRecord ? (list.data?.offers ?? []) : [];
  const offer = chosen ?? offers.find((o) => o.dressingRecordId === linked) ?? null;
  return (
    <section className="panel" aria-labelledby="complications-title" id="complications">
      <h2 id="complications-title">Complications</h2>
      <p role="status" className={recorded ? "alert ok" : "visually-hidden"}>
        {recorded}
      </p>
      {list.isPending && <p className="muted">Loading…</p>}
      {list.error && <ProblemMessage error={list.error} />}
      {offers.map((o) => (
        <div key={o.dressingRecordId} className="alert warn">
          Signs of infection at the dressing of {formatDay(o.visitOn)}: record it as a complication?{" "}
          <button type="button" className="secondary" onClick={() => choose(o)}>
            Record the wound infection…
          </button>
        </div>
      ))}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">No complication is recorded.</p>
        ) : (
          <ul className="compact" aria-label="Complications">
            {list.data.items.map((item) => (
              <ComplicationLine key={item.id} item={item} />
            ))}
          </ul>
        ))}
      {canRecord && (
        <ComplicationForm
          key={offer?.dressingRecordId ?? "new"}
          caseId={caseId}
          today={today}
          offer={offer}
          onRecorded={(message) => {
            setRecorded(message);
            choose(null);
          }}
        />
      )}
    </section>
  );
}

function ComplicationForm({
  caseId,
  today,
  offer,
  onRecorded,
}: {
  caseId: string;
  today: string;
  offer: ComplicationOffer | null;
  onRecorded: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const command = useCaseCommand(endpoints.recordComplication, { id: caseId });
  const [kind, setKind] = useState<ComplicationKind>(offer?.kind ?? "wound_infection");
  const [grade, setGrade] = useState<string>("");
  return (
    <form
      aria-labelledby="complication-form-title"
      onSubmit={(e) => {
        const f = formValues(e);
        command.mutate(
          {
            occurredOn: f.get("occurredOn"),
            kind,
            grade: f.get("grade"),
            notes: f.get("complicationNotes"),
            dressingRecordId: offer?.dressingRecordId ?? null,
          },
          {
            onSuccess: (done) => {
              onRecorded(
                `Complication recorded: ${complicationKindLabel[done.kind].toLowerCase()}, grade ${done.grade}, on ${formatDay(done.occurredOn)}.`,
              );
              void queryClient.invalidateQueries({ queryKey: ["complications", caseId] });
              void queryClient.invalidateQueries({ queryKey: ["outcomes", caseId] });
              void queryClient.invalidateQueries({ queryKey: ["recovery-board"] });
            },
          },
        );
      }}
    >
      <h3 id="complication-form-title">
        {offer ? `Wound infection from the dressing of ${formatDay(offer.visitOn)}` : "Record a complication"}
      </h3>
      <div className="row">
        <div className="field">
          <label htmlFor="complication-kind">Kind</label>
          <select id="complication-kind" value={kind} onChange={(e) => setKind(e.target.value as ComplicationKind)}>
            {complicationKinds.map((k) => (
              <option key={k} value={k}>
                {complicationKindLabel[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="occurredOn">Date</label>
          <input
            id="occurredOn"
            name="occurredOn"
            type="date"
            defaultValue={offer?.visitOn ?? today}
            max={today}
            required
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="complication-grade">Clavien-Dindo grade</label>
        {/* The options name the grade only (a long meaning would widen the form past a phone's
            screen); the chosen grade's meaning shows below, and every grade's in the list. */}
        <select
          id="complication-grade"
          name="grade"
          required
          value={grade}
          onChange={(e) => setGrade(e.target.value)}
          aria-describedby="grade-meaning grade-meanings"
        >
          <option value="" disabled>
            Choose the grade
          </option>
          {clavienDindoGrades.map((g) => (
            <option key={g} value={g}>
              Grade {g}
            </option>
          ))}
        </select>
        <p className="hint" id="grade-meaning">
          {grade ? clavienDindoMeaning[grade as ClavienDindoGrade] : "Each grade is explained below."}
        </p>
      </div>
      <details id="grade-meanings" open>
        <summary>What each grade means</summary>
        <ul className="compact">
          {clavienDindoGrades.map((g) => (
            <li key={g}>{clavienDindoMeaning[g]}</li>
          ))}
        </ul>
      </details>
      <div className="field">
        <label htmlFor="complicationNotes">{kind === "other" ? "What happened" : "Notes (optional)"}</label>
        <textarea id="complicationNotes" name="complicationNotes" rows={2} required={kind === "other"} />
      </div>
      {/* The confirmation is the section's: this form starts afresh once a visit's complication is recorded. */}
      {command.error && <ProblemMessage error={command.error} />}
      <button type="submit" disabled={command.isPending}>
        {command.isPending ? "Saving…" : "Record the complication"}
      </button>
    </form>
  );
}
