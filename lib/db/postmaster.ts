// Facts about PostgreSQL server processes on this machine, for the embedded server: whether a
// pid file belongs to a live server, stopping one cleanly, whether a port is taken.
import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";

/** Whether process `pid` exists (EPERM: it does, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of process `pid` (Linux /proc), or null where it cannot be read. */
export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return null;
  }
}

/**
 * The pid of the PostgreSQL server that a `postmaster.pid` file names, when that server is still
 * running; null when the file is absent or its pid is dead or now another program's (pids are
 * reused after a restart). Where /proc cannot be read, a live pid is taken to be the server.
 */
export function livePostgres(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const command = commandLine(pid);
  return command === null || /postgres/.test(command) ? pid : null;
}

/** Waits until process `pid` has ended; false when it still runs after `timeoutMs`. */
export async function ended(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Shuts a PostgreSQL server down cleanly ("fast" shutdown, SIGINT: sessions are ended, the data
 * is written out) and waits up to a minute for it. Throws when it does not stop.
 */
export async function stopPostgres(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  if (!(await ended(pid, 60_000)))
    throw new Error(`The PostgreSQL server (pid ${pid}) did not shut down within a minute; stop it by hand.`);
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
