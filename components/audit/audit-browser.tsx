"use client";

import { formatDateTime, localZone } from "@/lib/domain/date-format";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type QueryOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { DataTable } from "@/components/ui/data-table";

type Filters = { patientId: string; actorId: string; from: string; to: string };
const noFilters: Filters = { patientId: "", actorId: "", from: "", to: "" };

function toQuery(filters: Filters, cursor: string | null) {
  const query: QueryOf<typeof endpoints.listAuditEvents> = { limit: 50 };
  if (filters.patientId) query.patientId = filters.patientId.trim();
  if (filters.actorId) query.actorId = filters.actorId.trim();
  if (filters.from) query.from = new Date(filters.from).toISOString();
  if (filters.to) query.to = new Date(filters.to).toISOString();
  if (cursor) query.cursor = cursor;
  return query;
}

export function AuditBrowser() {
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const events = useInfiniteQuery({
    queryKey: ["audit-events", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api(endpoints.listAuditEvents, { query: toQuery(filters, pageParam) }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const set = (name: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <section className="panel">
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
          }}
        >
          <div className="field">
            <label htmlFor="audit-patient">Patient ID</label>
            <input id="audit-patient" value={draft.patientId} onChange={set("patientId")} />
          </div>
          <div className="field">
            <label htmlFor="audit-actor">Staff ID</label>
            <input id="audit-actor" value={draft.actorId} onChange={set("actorId")} />
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
            <button type="submit">Filter</button>
          </div>
        </form>
      </section>
      <section className="panel">
        {events.isPending && <p className="muted">Loading…</p>}
        {events.error && <ProblemMessage error={events.error} />}
        {events.data && (
          <DataTable
            rows={rows}
            rowKey={(event) => event.id}
            empty="No audit events match."
            columns={[
              { header: "When", cell: (event) => formatDateTime(event.at, localZone()) },
              { header: "Who", cell: (event) => event.actorName ?? "—" },
              { header: "Action", cell: (event) => event.action },
              {
                header: "Record",
                cell: (event) => `${event.entity}${event.entityId ? ` ${event.entityId.slice(0, 8)}` : ""}`,
              },
              {
                header: "Patient",
                // A list read names all the patients it showed, in one event.
                cell: (event) =>
                  event.patientId
                    ? event.patientId.slice(0, 8)
                    : event.patientIds.length
                      ? `${event.patientIds.length} patients (list of ${event.itemCount ?? event.patientIds.length})`
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
