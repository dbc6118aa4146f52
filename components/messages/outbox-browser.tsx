"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { messageStatuses, type MessageStatus } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { messageStatusLabel } from "./labels";
import { MessageTable } from "./message-table";

/**
 * The administrator's outbox: every message to patients, newest first, filtered by state, each
 * with its state in words and its text; older ones page in on request.
 */
export function OutboxBrowser({ timeZone }: { timeZone: string }) {
  const [status, setStatus] = useState<MessageStatus | "">("");
  const messages = useInfiniteQuery({
    queryKey: ["messages", "outbox", status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api(endpoints.listMessages, {
        query: { limit: 50, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = messages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      <div className="field">
        <label htmlFor="outbox-status">Show</label>
        <select id="outbox-status" value={status} onChange={(e) => setStatus(e.target.value as MessageStatus | "")}>
          <option value="">Every message</option>
          {messageStatuses.map((s) => (
            <option key={s} value={s}>
              {messageStatusLabel[s]}
            </option>
          ))}
        </select>
      </div>
      {messages.isPending && <p className="muted">Loading…</p>}
      {messages.error && <ProblemMessage error={messages.error} />}
      {messages.data && (
        <MessageTable
          messages={rows}
          timeZone={timeZone}
          showPatient
          empty={status ? "No messages in this state." : "No messages to patients yet."}
        />
      )}
      {messages.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => messages.fetchNextPage()}
          disabled={messages.isFetchingNextPage}
        >
          {messages.isFetchingNextPage ? "Loading…" : "Load older messages"}
        </button>
      )}
    </section>
  );
}
