"use client";

import { formatDateTime, localZone } from "@/lib/domain/date-format";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type QueryOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { DataTable } from "@/components/ui/data-table";
import { PatientPicker, type PickedPatient } from "./patient-picker";
import styles from "./audit-browser.module.css";

type Filters = { patient: PickedPatient; actorId: string; from: string; to: string };
const noFilters: Filters = { patient: null, actorId: "", from: "", to: "" };

/** The filters as the API takes them, for the page and for the CSV export alike. */
function filterQuery(filters: Filters) {
  const query: Omit<QueryOf<typeof endpoints.listAuditEvents>, "limit"> = {};
  if (filters.patient) query.patientId = filters.patient.id;
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.from) query.from = new Date(filters.from).toISOString();
  if (filters.to) query.to = new Date(filters.to).toISOString();
  return query;
}

/**
 * "Who opened this patient's record": the audit trail by patient (found by name, MRN or NHS
 * number), staff member and period, in plain words, newest first; the filtered result downloads as CSV.
 */
export function AuditBrowser() {
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const staff = useQuery({ queryKey: ["staff"], queryFn: () => api(endpoints.listStaff, { query: {} }) });
  const events = useInfiniteQuery({
    queryKey: ["audit-events", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api(endpoints.listAuditEvents, {
        query: { ...filterQuery(filters), limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const set = (name: "actorId" | "from" | "to") => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const exportHref = `${endpoints.exportAuditEvents.path}?${new URLSearchParams(filterQuery(filters))}`;

  return (
    <>
      <section className="panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters">Find events</h2>
        <PatientPicker picked={draft.patient} onPick={(patient) => setDraft((d) => ({ ...d, patient }))} />
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
          }}
        >
          <div className="field">
            <label htmlFor="audit-actor">Staff member</label>
            <select id="audit-actor" value={draft.actorId} onChange={set("actorId")}>
              <option value="">Anyone</option>
              {staff.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.role})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-from">From</label>
            <input id="audit-from" type="datetime-local" value={draft.from} onChange={set("from")} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">To</label>
            <input id="audit-to" type="datetime-local" value={draft.to} onChange={set("to")} />
          </div>
          <div className="field">
            <button type="submit">Show events</button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="audit-events">
        <h2 id="audit-events">
          {filters.patient ? `Who saw ${filters.patient.label}` : "Events"}
          {filters.actorId && staff.data
            ? `, by ${staff.data.items.find((s) => s.id === filters.actorId)?.name ?? "the chosen staff member"}`
            : ""}
        </h2>
        <p>
          <a href={exportHref} download className={styles.download}>
            Download these events as CSV
          </a>
        </p>
        {events.isPending && <p className="muted">Loading…</p>}
        {events.error && <ProblemMessage error={events.error} />}
        {events.data && (
          <DataTable
            rows={rows}
            rowKey={(event) => event.id}
            empty="No audit events match these filters."
            columns={[
              { header: "When", cell: (event) => formatDateTime(event.at, localZone()) },
              { header: "Staff member", cell: (event) => event.actorName ?? "—" },
              { header: "What they did", cell: (event) => event.description },
              {
                header: "Patient",
                // A list read names all the patients it showed, in one event.
                cell: (event) =>
                  event.patientName
                    ? `${event.patientName} (${event.patientMrn})`
                    : event.patientIds.length
                      ? `${event.patientIds.length} patient${event.patientIds.length === 1 ? "" : "s"} in a list`
                      : "—",
              },
            ]}
          />
        )}
        {events.hasNextPage && (
          <button
            type="button"
            className="secondary"
            onClick={() => events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
          >
            {events.isFetchingNextPage ? "Loading…" : "Load older events"}
          </button>
        )}
      </section>
    </>
  );
}
