"use client";

import { formatDateTime, formatDay, localZone } from "@/lib/domain/date-format";
import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { apiAll } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { CaseStatus } from "@/lib/domain/case-status";
import type { CaseListItem } from "@/lib/schemas/case";
import { ProblemMessage } from "@/components/ui/problem-message";
import { DataTable } from "@/components/ui/data-table";

export type WorklistGroup = { title: string; statuses: CaseStatus[]; empty: string };
type Item = CaseListItem;

// The anaesthetist's columns: the assessment that applies today (SX-3), as the list answers it.
const assessmentColumns = [
  { header: "ASA grade", cell: (c: Item) => (c.assessment ? `ASA ${c.assessment.asaGrade}` : "—") },
  {
    header: "Admission",
    cell: (c: Item) =>
      c.assessment ? (c.assessment.admission === "day_case" ? "Day case" : "Overnight (inpatient)") : "—",
  },
  {
    header: "Assessment valid until",
    cell: (c: Item) =>
      !c.assessment ? (
        "Not assessed"
      ) : c.assessment.standing === "expired" ? (
        <strong>Expired {formatDay(c.assessment.validUntil)}</strong>
      ) : (
        formatDay(c.assessment.validUntil)
      ),
  },
];

/**
 * Cases grouped by where they stand in the pathway, most recently moved first; with
 * `showAssessment`, the ASA grade, admission and expiry of the assessment that applies (SX-3).
 */
export function CaseWorklist({
  groups,
  showAssessment = false,
}: {
  groups: WorklistGroup[];
  showAssessment?: boolean;
}) {
  const statuses = [...new Set(groups.flatMap((g) => g.statuses))];
  const results = useQueries({
    queries: statuses.map((status) => ({
      queryKey: ["cases", { status }],
      queryFn: () => apiAll(endpoints.listCases, { query: { status, limit: 100 } }),
    })),
  });
  const byStatus = new Map(statuses.map((s, i) => [s, results[i]!]));
  const failed = results.find((r) => r.error);
  if (failed) return <ProblemMessage error={failed.error} />;

  return (
    <>
      {groups.map((group) => {
        const loading = group.statuses.some((s) => byStatus.get(s)!.isPending);
        const rows = group.statuses.flatMap((s) => byStatus.get(s)!.data?.items ?? []);
        const id = `group-${group.statuses.join("-")}`;
        return (
          <section key={group.title} className="panel" aria-labelledby={id}>
            <h2 id={id}>
              {group.title} {!loading && <span className="count">({rows.length})</span>}
            </h2>
            {loading ? (
              <p className="muted">Loading…</p>
            ) : (
              <DataTable
                rows={rows}
                rowKey={(c) => c.id}
                empty={group.empty}
                columns={[
                  {
                    header: "Patient",
                    cell: (c) => (
                      <>
                        <Link href={`/cases/${c.id}`}>{c.patient.name}</Link>{" "}
                        <span className="muted">{c.patient.mrn}</span>
                      </>
                    ),
                  },
                  { header: "Ankle", cell: (c) => c.side },
                  { header: "Stage", cell: (c) => c.statusLabel },
                  { header: "Since", cell: (c) => formatDateTime(c.statusChangedAt, localZone()) },
                  ...(showAssessment ? assessmentColumns : []),
                ]}
              />
            )}
          </section>
        );
      })}
    </>
  );
}
