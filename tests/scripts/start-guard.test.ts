import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { alive } from "@/lib/db/postmaster";
import { claimDataDir } from "@/scripts/start-guard";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process whose command line looks like `what` (the guard checks it: pids are reused). */
function lookalike(what: string): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", what], { stdio: "ignore" });
  children.push(child);
  return child;
}

function dataDir(record?: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-start-guard-"));
  dirs.push(dir);
  if (record) writeFileSync(path.join(dir, "start.pid"), JSON.stringify(record));
  return dir;
}

describe("npm start's claim on its data folder", () => {
  it("refuses a second start while the first still runs, naming its pid", async () => {
    const first = lookalike("scripts/start.ts");
    const dir = dataDir({ start: first.pid });
    await expect(claimDataDir(dir)).rejects.toThrow(
      `Another \`npm start\` (pid ${first.pid}) is running with its data in ${dir}`,
    );
    expect(alive(first.pid!)).toBe(true);
  });

  it("stops the web server that a start killed with SIGKILL left running, then claims the folder", async () => {
    const killedStart = lookalike("scripts/start.ts");
    killedStart.kill("SIGKILL");
    await once(killedStart, "exit");
    const orphan = lookalike("next start -p 3000");
    const dir = dataDir({ start: killedStart.pid, server: orphan.pid });
    const claim = await claimDataDir(dir);
    expect(alive(orphan.pid!)).toBe(false);
    claim.release();
    expect(existsSync(path.join(dir, "start.pid"))).toBe(false);
  });

  it("stops the worker that a start killed with SIGKILL left running", async () => {
    const killedStart = lookalike("scripts/start.ts");
    killedStart.kill("SIGKILL");
    await once(killedStart, "exit");
    const orphan = lookalike("scripts/worker.ts");
    const dir = dataDir({ start: killedStart.pid, worker: orphan.pid });
    const claim = await claimDataDir(dir);
    expect(alive(orphan.pid!)).toBe(false);
    claim.release();
  });

  it("leaves alone a live process that only reuses a recorded pid", async () => {
    const stranger = lookalike("some-other-program");
    const dir = dataDir({ start: 999_999_999, server: stranger.pid });
    const claim = await claimDataDir(dir);
    expect(alive(stranger.pid!)).toBe(true);
    claim.release();
  });
});
