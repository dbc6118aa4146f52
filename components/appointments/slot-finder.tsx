"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatDateTime } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import type { Role, RoomKind } from "@/lib/domain/vocabulary";
import { api, type AnswerOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

export type Slot = AnswerOf<typeof endpoints.findSlots>["items"][number];
type SlotPage = AnswerOf<typeof endpoints.findSlots>;
export type SlotFilters = {
  from: string;
  to: string;
  partOfDay?: "morning" | "afternoon";
  clinicianId?: string;
  roomId?: string;
};

const pageSize = 20;

/**
 * The slot finder staff book and move with: who (a clinician of `staffRole`, defaulting to the
 * case's own surgeon when `ownSurgeon`), where (a room of `roomKind`), the days from and to, and
 * morning or afternoon; the free slots found, 20 at a time with "More free slots", each with a
 * button that calls `onChoose` (disabled while `busy`). `fetchPage` asks the API for a page.
 */
export function SlotFinder({
  queryKey,
  fetchPage,
  today,
  timeZone,
  staffRole,
  ownSurgeon,
  roomKind,
  onChoose,
  busy,
  actionLabel,
}: {
  queryKey: unknown[];
  fetchPage: (filters: SlotFilters & { limit: number; cursor?: string }) => Promise<SlotPage>;
  today: string;
  timeZone: string;
  staffRole?: Extract<Role, "surgeon" | "anaesthetist" | "nurse" | "physio"> | null;
  ownSurgeon?: boolean;
  roomKind?: RoomKind | null;
  onChoose: (slot: Slot) => void;
  busy: boolean;
  actionLabel: string;
}) {
  const id = useId();
  const [filters, setFilters] = useState<SlotFilters>({ from: today, to: addDays(today, 6) });
  const [search, setSearch] = useState<SlotFilters | null>(null);
  const staff = useQuery({
    queryKey: ["staff", staffRole],
    enabled: Boolean(staffRole),
    queryFn: () => api(endpoints.listStaff, { query: { role: staffRole! } }),
  });
  const rooms = useQuery({
    queryKey: ["rooms", roomKind],
    enabled: Boolean(roomKind),
    queryFn: () => api(endpoints.listRooms, { query: { kind: roomKind! } }),
  });
  const slots = useInfiniteQuery({
    queryKey: ["slots", ...queryKey, search],
    enabled: search !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage({ ...search!, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const found = slots.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (change: Partial<SlotFilters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <div>
      <form
        className="row"
        aria-label="Find free slots"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(filters);
        }}
      >
        {staffRole && (
          <div className="field">
            <label htmlFor={`${id}-who`}>With</label>
            <select
              id={`${id}-who`}
              value={filters.clinicianId ?? ""}
              onChange={(e) => set({ clinicianId: e.target.value || undefined })}
            >
              <option value="">{ownSurgeon ? "The case's own surgeon" : "Anyone free"}</option>
              {ownSurgeon && <option value="any">Any surgeon</option>}
              {staff.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {roomKind && (
          <div className="field">
            <label htmlFor={`${id}-room`}>Room</label>
            <select
              id={`${id}-room`}
              value={filters.roomId ?? ""}
              onChange={(e) => set({ roomId: e.target.value || undefined })}
            >
              <option value="">Any room</option>
              {rooms.data?.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            min={today}
            value={filters.from}
            onChange={(e) =>
              set({ from: e.target.value, ...(e.target.value ? { to: addDays(e.target.value, 6) } : {}) })
            }
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            min={filters.from}
            max={filters.from ? addDays(filters.from, 30) : undefined}
            value={filters.to}
            onChange={(e) => set({ to: e.target.value })}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-part`}>Time of day</label>
          <select
            id={`${id}-part`}
            value={filters.partOfDay ?? ""}
            onChange={(e) => set({ partOfDay: (e.target.value || undefined) as SlotFilters["partOfDay"] })}
          >
            <option value="">Any time</option>
            <option value="morning">Morning</option>
            <option value="afternoon">Afternoon</option>
          </select>
        </div>
        <div className="field">
          <button type="submit">Find free slots</button>
        </div>
      </form>
      {search && slots.isPending && <p className="muted">Searching…</p>}
      {slots.error && <ProblemMessage error={slots.error} />}
      {search && slots.data && found.length === 0 && (
        <p className="empty">No free slot between these days. Try other days, or anyone free.</p>
      )}
      {search && found.length > 0 && (
        <ul className="slots" aria-label="Free slots">
          {found.map((slot) => (
            <li key={`${slot.start}-${slot.clinician?.id}-${slot.room?.id}`}>
              <button type="button" className="secondary" disabled={busy} onClick={() => onChoose(slot)}>
                {actionLabel} {formatDateTime(slot.start, timeZone)}
              </button>{" "}
              <span className="muted">
                {[slot.clinician?.name, slot.anaesthetist?.name, slot.room?.name ?? "home visit"]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {search && slots.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={slots.isFetchingNextPage}
          onClick={() => void slots.fetchNextPage()}
        >
          {slots.isFetchingNextPage ? "Searching…" : "More free slots"}
        </button>
      )}
    </div>
  );
}
