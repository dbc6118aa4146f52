// One `npm start` per data folder. `start.pid` in the folder names the running start, its web
// server and its worker, so that a second start says clearly that one is running, and a start
// after one that was killed (SIGKILL) stops the web server and worker it left behind instead of
// failing on its port (or leaving a second worker sending mail).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { alive, commandLine, ended } from "@/lib/db/postmaster";

type Record = { start: number; server?: number; worker?: number };

export type DataDirClaim = {
  recordServer: (pid: number) => void;
  /** Records the worker's pid (again after a restart). */
  recordWorker: (pid: number) => void;
  release: () => void;
};

/** Whether `pid` is alive and its command line (where readable) matches `pattern`: pids are reused. */
const running = (pid: number | undefined, pattern: RegExp): pid is number => {
  if (!pid || pid === process.pid || !alive(pid)) return false;
  const command = commandLine(pid);
  return command === null || pattern.test(command);
};

function read(file: string): Record | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record;
  } catch {
    return null;
  }
}

/**
 * Claims `dataDir` for this process. Throws an Error that says what to do when another start
 * still runs on it; stops (SIGTERM, then SIGKILL after 10 s) the web server and the worker of a
 * start that died.
 */
export async function claimDataDir(dataDir: string): Promise<DataDirClaim> {
  const file = path.join(dataDir, "start.pid");
  const earlier = read(file);
  if (earlier && running(earlier.start, /start/)) {
    throw new Error(
      `Another \`npm start\` (pid ${earlier.start}) is running with its data in ${dataDir}. ` +
        `Stop it first (kill ${earlier.start}), or give this one another folder and ports (CLINIC_DATA_DIR, PORT, EMBEDDED_PG_PORT).`,
    );
  }
  const leftovers = [
    { pid: earlier?.server, pattern: /next/, what: "web server" },
    { pid: earlier?.worker, pattern: /worker/, what: "worker" },
  ];
  for (const { pid, pattern, what } of leftovers) {
    if (!running(pid, pattern)) continue;
    console.log(`Stopping the ${what} (pid ${pid}) that an earlier start, since killed, left running…`);
    process.kill(pid, "SIGTERM");
    if (!(await ended(pid, 10_000))) process.kill(pid, "SIGKILL");
  }
  const record: Record = { start: process.pid };
  writeFileSync(file, JSON.stringify(record));
  return {
    recordServer: (pid) => writeFileSync(file, JSON.stringify(Object.assign(record, { server: pid }))),
    recordWorker: (pid) => writeFileSync(file, JSON.stringify(Object.assign(record, { worker: pid }))),
    release: () => {
      if (read(file)?.start === process.pid) rmSync(file, { force: true });
    },
  };
}
