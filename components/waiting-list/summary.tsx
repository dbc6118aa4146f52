"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDay } from "@/lib/domain/date-format";
import type { ListingPriority } from "@/lib/domain/waiting-list";
import { waitInWords } from "@/lib/domain/waiting-list-summary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The waiting list's figures in plain words (WL-2, listing to operation): patients waiting, the
 * median and 90th-percentile wait, breaches this month and, as a small table, the patients who
 * will pass their breach date in each of the next four weeks unless operated. Optionally of one
 * surgeon's listings or one priority. Its query key starts with "waiting-list", so invalidating
 * the list's queries refreshes it too.
 */
export function WaitingListSummary({ surgeonId, priority }: { surgeonId?: string; priority?: ListingPriority }) {
  const summary = useQuery({
    queryKey: ["waiting-list", "summary", { surgeonId, priority }],
    queryFn: () => api(endpoints.waitingListSummary, { query: { surgeonId, priority } }),
  });
  if (summary.isPending) return <p className="muted">Loading…</p>;
  if (summary.error) return <ProblemMessage error={summary.error} />;
  const s = summary.data;
  return (
    <>
      <p>
        {s.waiting === 0 ? (
          "Nobody is waiting for surgery."
        ) : (
          <>
            <strong>{plural(s.waiting, "patient", "patients")}</strong> waiting for surgery.
          </>
        )}
      </p>
      {s.medianDaysWaiting !== null && s.p90DaysWaiting !== null && (
        <p>
          Half of them have waited <strong>{waitInWords(s.medianDaysWaiting)}</strong> or less since listing; nine in
          ten <strong>{waitInWords(s.p90DaysWaiting)}</strong> or less.
        </p>
      )}
      <p>
        <strong>{plural(s.breachesThisMonth, "patient", "patients")}</strong> passed their breach date this month, or
        were operated this month after it.
      </p>
      <DataTable
        caption="Patients who will pass their breach date unless operated first"
        rows={s.forecast}
        rowKey={(w) => w.weekStarting}
        columns={[
          { header: "Week starting", cell: (w) => formatDay(w.weekStarting) },
          { header: "Patients", cell: (w) => w.breaches },
        ]}
      />
    </>
  );
}
