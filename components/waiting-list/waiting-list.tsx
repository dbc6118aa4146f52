"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatDateTime, formatDay } from "@/lib/domain/date-format";
import { daysBetween, type Day } from "@/lib/domain/time";
import { WaitingListSummary } from "./summary";
import { breachStanding, listingPriorities, priorityMeaning, type ListingPriority } from "@/lib/domain/waiting-list";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { WaitingListItem } from "@/lib/schemas/waiting-list";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import styles from "./waiting-list.module.css";

type Filters = { surgeonId: string; priority: string };

const isPriority = (value: string): value is ListingPriority =>
  (listingPriorities as readonly string[]).includes(value);

/** The filters the address holds (?surgeonId=&priority=), as the API takes them. */
function filtersOf(params: URLSearchParams): Filters {
  const priority = params.get("priority") ?? "";
  return { surgeonId: params.get("surgeonId") ?? "", priority: isPriority(priority) ? priority : "" };
}

function apiFilters(filters: Filters): { surgeonId?: string; priority?: ListingPriority } {
  return {
    ...(filters.surgeonId ? { surgeonId: filters.surgeonId } : {}),
    ...(isPriority(filters.priority) ? { priority: filters.priority } : {}),
  };
}

// WL-2: breached, or due to breach within four weeks, said in words (not only colour).
const standingWords = { breached: "Breached", soon: "Breach within 4 weeks" } as const;

const inDays = (days: number) => (days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`);

function Assessment({ validUntil, today }: { validUntil: Day | null; today: Day }) {
  if (!validUntil) return <>None</>;
  return validUntil >= today ? <>Valid until {formatDay(validUntil)}</> : <>Expired {formatDay(validUntil)}</>;
}

/**
 * The site's surgical waiting list (WL-3) in order: weeks waited, breach date (marked when past
 * or within four weeks, WL-2), priority with its meaning and due date (WL-1), assessment (SX-3),
 * admission (SX-4) and theatre date. Filters by surgeon and priority live in the address; "More"
 * reads the next 50; the same rows download as CSV. `today` and `timeZone` are the site's.
 */
export function WaitingList({ today, timeZone, linkCases }: { today: Day; timeZone: string; linkCases: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = filtersOf(params);
  const [draft, setDraft] = useState(filters);
  // Back or Forward changes the address: the form shows its filters again.
  const [shown, setShown] = useState(filters);
  if (shown.surgeonId !== filters.surgeonId || shown.priority !== filters.priority) {
    setShown(filters);
    setDraft(filters);
  }
  const surgeons = useQuery({
    queryKey: ["staff", "surgeon"],
    queryFn: () => api(endpoints.listStaff, { query: { role: "surgeon" } }),
  });
  const list = useInfiniteQuery({
    queryKey: ["waiting-list", filters.surgeonId, filters.priority],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api(endpoints.listWaitingList, {
        query: { ...apiFilters(filters), limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const query = new URLSearchParams(apiFilters(filters)).toString();
  const exportHref = `${endpoints.exportWaitingList.path}${query ? `?${query}` : ""}`;
  const filtered = query !== "";

  return (
    <>
      <section className="panel" aria-labelledby="waiting-figures">
        <h2 id="waiting-figures">{filtered ? "Figures for this selection" : "Figures"}</h2>
        <WaitingListSummary {...apiFilters(filters)} />
      </section>
      <section className="panel" aria-labelledby="waiting-filters">
        <h2 id="waiting-filters">Filter the list</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const next = new URLSearchParams(apiFilters(draft)).toString();
            router.push(next ? `${pathname}?${next}` : pathname, { scroll: false });
          }}
        >
          <div className="field">
            <label htmlFor="waiting-surgeon">Surgeon</label>
            <select
              id="waiting-surgeon"
              value={draft.surgeonId}
              onChange={(e) => setDraft((d) => ({ ...d, surgeonId: e.target.value }))}
            >
              <option value="">Any surgeon</option>
              {surgeons.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="waiting-priority">Priority</label>
            <select
              id="waiting-priority"
              value={draft.priority}
              onChange={(e) => setDraft((d) => ({ ...d, priority: e.target.value }))}
            >
              <option value="">Any priority</option>
              {listingPriorities.map((p) => (
                <option key={p} value={p}>
                  {p}: {priorityMeaning[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit">Show</button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="waiting-patients">
        <h2 id="waiting-patients">Patients waiting, most urgent first</h2>
        <p>
          <a href={exportHref} download className={styles.download}>
            Download this list as CSV
          </a>
        </p>
        {list.isPending && <p className="muted">Loading…</p>}
        {list.error && <ProblemMessage error={list.error} />}
        {list.data && (
          <DataTable
            stacked
            rows={rows}
            rowKey={(row) => row.caseId}
            empty={filtered ? "No patient on the list matches these filters." : "No patient is waiting for surgery."}
            columns={columns(today, timeZone, linkCases)}
          />
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : "More"}
          </button>
        )}
      </section>
    </>
  );
}

function columns(today: Day, timeZone: string, linkCases: boolean) {
  return [
    {
      header: "Patient",
      cell: (row: WaitingListItem) => {
        const label = `${row.patient.name} (${row.patient.mrn})`;
        return linkCases ? <Link href={`/cases/${row.caseId}`}>{label}</Link> : label;
      },
    },
    {
      header: "Priority",
      cell: (row: WaitingListItem) => (
        <>
          <strong>{row.priority}</strong> <span className="muted">{priorityMeaning[row.priority]}</span>
        </>
      ),
    },
    {
      header: "Waited",
      cell: (row: WaitingListItem) => {
        const weeks = Math.floor(row.daysWaiting / 7);
        return `${weeks} week${weeks === 1 ? "" : "s"}`;
      },
    },
    {
      header: "Breach date",
      cell: (row: WaitingListItem) => {
        const standing = breachStanding(row.breachOn, today);
        return (
          <>
            {formatDay(row.breachOn)}
            {standing && (
              <>
                {" "}
                <strong className="breach" data-standing={standing}>
                  {standingWords[standing]}
                  {standing === "soon" ? ` (${inDays(daysBetween(today, row.breachOn))})` : ""}
                </strong>
              </>
            )}
          </>
        );
      },
    },
    {
      header: "Priority due",
      cell: (row: WaitingListItem) => (row.priorityDueOn ? formatDay(row.priorityDueOn) : "—"),
    },
    {
      header: "Assessment",
      cell: (row: WaitingListItem) => <Assessment validUntil={row.assessmentValidUntil} today={today} />,
    },
    {
      header: "Admission",
      cell: (row: WaitingListItem) =>
        row.admission === "day_case" ? "Day case" : row.admission === "inpatient" ? "Inpatient" : "—",
    },
    {
      header: "Theatre date",
      cell: (row: WaitingListItem) =>
        row.arthroscopyBooked ? formatDateTime(row.arthroscopyBooked, timeZone) : "Not booked",
    },
  ];
}
