// The job queue: graphile-worker, in this database's `graphile_worker` schema (installed by
// lib/db/migrations.ts). A job is added with SQL inside the caller's transaction, so it exists
// only if the change that causes it commits: a booking that rolls back sends nothing.
import type { Tx } from "@/lib/db/client";

/** The jobs this product runs, by task name, with their payloads. */
export type Jobs = {
  /** Send one queued message (lib/services/messages/delivery.ts). */
  "message.deliver": { messageId: string };
};

/**
 * Attempts before a job is given up. graphile-worker waits exp(min(attempt, 10)) seconds after
 * each failure (3 s, 7 s, 20 s, 55 s, 2.5 min, 6.7 min, 18 min): about half an hour in all.
 */
export const defaultMaxAttempts = 8;

/**
 * Adds `task` with `payload` inside `tx`, to run at `runAt` or later. A waiting job with the same
 * `jobKey` is replaced (its payload and run time); a job already running is left to finish.
 */
export async function addJob<K extends keyof Jobs>(
  tx: Tx,
  task: K,
  payload: Jobs[K],
  options: { runAt: Date; jobKey?: string; maxAttempts?: number },
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}, ${JSON.stringify(payload)}::json,
    run_at := ${options.runAt}, job_key := ${options.jobKey ?? null},
    max_attempts := ${options.maxAttempts ?? defaultMaxAttempts})`;
}

/** Removes the waiting job `jobKey` inside `tx` (one already running is left to finish). */
export async function removeJob(tx: Tx, jobKey: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${jobKey})`;
}
