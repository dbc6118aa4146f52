// The worker: runs the queue's jobs (graphile-worker) against this database. `npm start` starts
// it beside the web server (scripts/worker.ts); in production it runs as its own process.
import { Logger, run, runOnce, type Runner, type TaskList } from "graphile-worker";
import { logger } from "@/lib/observability/log";
import type { Transports } from "@/lib/messages/transports";
import { deliverMessage } from "@/lib/services/messages/delivery";
import type { Jobs } from "./queue";

/** What the jobs need: the ways out, and the clock (the system's; tests move it). */
export type WorkerDeps = { transports: Transports; clock: () => Date };

/** graphile-worker's own log lines, through the product's logger (they name jobs, never patients). */
const workerLogger = new Logger(() => (level, message) => {
  if (level === "error") logger().error({ worker: message }, "job queue");
  else if (level === "warning") logger().warn({ worker: message }, "job queue");
});

/** One handler per job kind. A handler that throws is retried by the queue, with backoff. */
export function taskList(deps: WorkerDeps): TaskList {
  return {
    "message.deliver": async (payload, helpers) => {
      const { messageId } = payload as Jobs["message.deliver"];
      const result = await deliverMessage(
        messageId,
        deps.transports,
        { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts },
        deps.clock(),
      );
      if (result === "retry") throw new Error(`Message ${messageId} could not be sent; it will be tried again.`);
    },
  };
}

/**
 * Starts the worker on `connectionString` (the app's role); it runs until `stop()`.
 * `concurrency`: jobs at once (default 2).
 */
export function startWorker(connectionString: string, deps: WorkerDeps, concurrency = 2): Promise<Runner> {
  // Due is judged by Node's clock, as deliverMessage judges it: with the database's clock, a
  // worker host a little behind it would take a job, find it not yet due, put it back and take
  // it again until the clocks agreed (and a run under libfaketime would never see its jobs due).
  return run({
    connectionString,
    concurrency,
    logger: workerLogger,
    noHandleSignals: true,
    useNodeTime: true,
    taskList: taskList(deps),
  });
}

/**
 * Runs every job due now, then returns: for tests and one-off runs. Due is judged by Node's clock
 * (`Date`), so a test that moves the clock runs the jobs due at that time.
 */
export function runDueJobs(connectionString: string, deps: WorkerDeps): Promise<void> {
  return runOnce({ connectionString, logger: workerLogger, useNodeTime: true, taskList: taskList(deps) });
}
