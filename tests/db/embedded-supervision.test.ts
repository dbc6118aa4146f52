import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { alive, ended, livePostgres } from "@/lib/db/postmaster";

const tsxLoader = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-supervision-"));
  const port = await freePort();
  cleanups.push(async () => {
    const left = livePostgres(path.join(dir, "postmaster.pid"));
    if (left) {
      process.kill(left, "SIGINT");
      await ended(left, 30_000);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, port };
}

const postmasterPid = (dir: string) => Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);

async function answers(server: EmbeddedServer): Promise<boolean> {
  const prisma = createDb(server.url("postgres"), { connections: 2 });
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await prisma.$disconnect();
  }
}

describe("the embedded PostgreSQL", () => {
  it("starts over a server left running by a killed start: shuts it down cleanly, never deleting a live server's pid file", async () => {
    const { dir, port } = await scratch();
    const starter = spawn(
      process.execPath,
      ["--import", tsxLoader, "tests/setup/embedded-server.ts", dir, String(port)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    starter.stdout.setEncoding("utf8");
    await new Promise<void>((resolve, reject) => {
      starter.stdout.on("data", (chunk: string) => (output += chunk).includes("ready") && resolve());
      starter.on("exit", (code) => reject(new Error(`The first start ended (${code}): ${output}`)));
    });
    starter.kill("SIGKILL");
    await once(starter, "exit");
    const orphan = livePostgres(path.join(dir, "postmaster.pid"));
    expect(orphan).not.toBeNull();

    const server = await startEmbeddedPostgres({ dir, port });
    cleanups.push(() => server.stop());
    expect(alive(orphan!)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(orphan);
    expect(await answers(server)).toBe(true);
  }, 120_000);

  it("says clearly that its port is taken by another program", async () => {
    const { dir } = await scratch();
    const squatter = createServer().listen(0, "127.0.0.1");
    await once(squatter, "listening");
    cleanups.push(() => new Promise((resolve) => squatter.close(() => resolve())));
    const { port } = squatter.address() as { port: number };
    const refusal = await startEmbeddedPostgres({ dir, port }).then(
      async (server) => {
        await server.stop();
        return "started";
      },
      (error: unknown) => (error instanceof Error ? error.message : `rejected with ${String(error)}`),
    );
    expect(refusal).toContain(`Port ${port} is in use by another program`);
  }, 120_000);

  it("is started again when its postmaster is killed (kill -9), and the app's client answers again", async () => {
    const { dir, port } = await scratch();
    const events: string[] = [];
    const server = await startEmbeddedPostgres({
      dir,
      port,
      supervise: {
        onDown: () => events.push("down"),
        onBack: () => events.push("back"),
        onGiveUp: (error) => events.push(`gave up: ${error.message}`),
      },
    });
    cleanups.push(() => server.stop());
    const prisma = createDb(server.url("postgres"), { connections: 2 });
    cleanups.push(() => prisma.$disconnect());
    await prisma.$queryRaw`SELECT 1`;
    const first = postmasterPid(dir);
    process.kill(first, "SIGKILL");
    await ended(first, 10_000);

    const deadline = Date.now() + 90_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = await prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      if (!back) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(back).toBe(true);
    expect(events).toEqual(["down", "back"]);
    expect(postmasterPid(dir)).not.toBe(first);
  }, 150_000);
});
