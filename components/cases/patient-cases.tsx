"use client";

import { formatDay } from "@/lib/domain/date-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { api, apiAll, fromForm, type BodyOf, type FormBody } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { mechanisms, onsets, sides } from "@/lib/domain/vocabulary";
import { mechanismLabel, onsetLabel } from "./labels";

/** A patient's cases, and a referral form that opens a new one when the role may. */
export function PatientCases({ patientId, canOpen }: { patientId: string; canOpen: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const cases = useQuery({
    queryKey: ["cases", { patientId }],
    queryFn: () => apiAll(endpoints.listCases, { query: { patientId } }),
  });
  const open = useMutation({
    mutationFn: (values: FormBody<BodyOf<typeof endpoints.createCase>>) =>
      api(endpoints.createCase, { body: fromForm(endpoints.createCase, values) }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ["cases"] });
      router.push(`/cases/${created.id}`);
    },
  });

  return (
    <section className="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">Cases</h2>
      {cases.isPending && <p className="muted">Loading…</p>}
      {cases.error && <ProblemMessage error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <p className="empty">No case yet.</p>}
      {cases.data && cases.data.items.length > 0 && (
        <ul>
          {cases.data.items.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`}>
                {c.side} ankle — {c.statusLabel}
              </Link>{" "}
              <span className="muted">referred {formatDay(c.referredOn)}</span>
            </li>
          ))}
        </ul>
      )}
      {canOpen && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            open.mutate({
              patientId,
              side: f.get("side"),
              mechanism: f.get("mechanism"),
              symptoms: {
                plantarFlexionPain: f.get("plantarFlexionPain") === "on",
                cracking: f.get("cracking") === "on",
                onset: f.get("onset") || undefined,
                triggers: f.get("triggers") || undefined,
              },
            });
          }}
        >
          <h3>Open a case (referral)</h3>
          <div className="row">
            <div className="field">
              <label htmlFor="side">Ankle</label>
              <select id="side" name="side" required>
                {sides.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="mechanism">Mechanism</label>
              <select id="mechanism" name="mechanism" required>
                {mechanisms.map((m) => (
                  <option key={m} value={m}>
                    {mechanismLabel[m]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="onset">Onset</label>
              <select id="onset" name="onset">
                <option value="">Not known</option>
                {onsets.map((o) => (
                  <option key={o} value={o}>
                    {onsetLabel[o]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row">
            <label className="inline">
              <input type="checkbox" name="plantarFlexionPain" /> Pain in plantar flexion
            </label>
            <label className="inline">
              <input type="checkbox" name="cracking" /> Cracking
            </label>
          </div>
          <div className="field">
            <label htmlFor="triggers">Triggers (optional)</label>
            <input id="triggers" name="triggers" placeholder="e.g. dancing on tiptoe, kicking" />
          </div>
          {open.error && <ProblemMessage error={open.error} />}
          <button type="submit" disabled={open.isPending}>
            {open.isPending ? "Opening…" : "Open case"}
          </button>
        </form>
      )}
    </section>
  );
}
