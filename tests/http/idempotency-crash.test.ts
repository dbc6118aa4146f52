import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, inject } from "vitest";
import { createDb, setDb } from "@/lib/db/client";
import { withIdempotency } from "@/lib/http/idempotency";
import { createMarkerSite, type Moment } from "../setup/idempotent-request";

const databaseUrl = inject("databaseUrl");
const prisma = setDb(createDb(databaseUrl));
// tsx as a loader of this one process (its command line would run the script in a child of its own).
const tsxLoader = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;

/** Runs the request in a child process and kills it with SIGKILL once it has reached `moment`. */
async function killedAt(moment: Moment, actorId: string, key: string, name: string) {
  const child = spawn(
    process.execPath,
    ["--import", tsxLoader, "tests/setup/idempotent-request.ts", moment, actorId, key, name],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes(moment)) resolve();
    });
    child.on("exit", (code) =>
      reject(new Error(`The request's process ended (${code}) before "${moment}": ${output}`)),
    );
  });
  child.kill("SIGKILL");
  await once(child, "exit");
}

/** The same request again, in this process: its status, body and whether the work ran. */
async function retry(actorId: string, key: string, name: string, waitMs?: number) {
  let ran = false;
  const response = await withIdempotency(
    { actorId, key, method: "POST", path: "/api/v1/sites", bodyText: JSON.stringify({ name }), waitMs },
    () => {
      ran = true;
      return createMarkerSite(name);
    },
  );
  return {
    status: response.status,
    body: await response.json(),
    ran,
    sites: await prisma.site.count({ where: { name } }),
  };
}

/** A first request with `key` that has begun its work and holds it until `release()` is called. */
async function heldFirst(actorId: string, key: string, name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const first = withIdempotency(
    { actorId, key, method: "POST", path: "/api/v1/sites", bodyText: JSON.stringify({ name }) },
    async () => {
      started();
      await released;
      return createMarkerSite(name);
    },
  );
  await running;
  return { first, release };
}

describe("an Idempotency-Key whose first request was killed (SIGKILL)", () => {
  it("is free again when the process died after reserving it: the retry does the work", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `crash-${randomUUID()}`];
    await killedAt("reserved", actorId, key, name);
    const again = await retry(actorId, key, name);
    expect(again).toMatchObject({ status: 201, ran: true, sites: 1 });
  }, 60_000);

  it("does the work exactly once when the process died after the work and before the answer", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `crash-${randomUUID()}`];
    await killedAt("worked", actorId, key, name);
    const again = await retry(actorId, key, name);
    expect(again).toMatchObject({ status: 201, sites: 1 });
  }, 60_000);

  it("replays the stored answer when the process died after answering", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `crash-${randomUUID()}`];
    await killedAt("answered", actorId, key, name);
    const site = await prisma.site.findFirstOrThrow({ where: { name } });
    const again = await retry(actorId, key, name);
    expect(again).toEqual({ status: 201, body: { id: site.id }, ran: false, sites: 1 });
  }, 60_000);

  it("frees a key an earlier version left reserved without an answer: the retry does the work", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `stale-${randomUUID()}`];
    await prisma.idempotencyRecord.create({
      data: { actorId, key, method: "POST", path: "/api/v1/sites", requestHash: "left by a killed request" },
    });
    const again = await retry(actorId, key, name);
    expect(again).toMatchObject({ status: 201, ran: true, sites: 1 });
  });

  it("makes a repeat sent while the first request runs (a double-click) wait, then replays the first answer", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `double-${randomUUID()}`];
    const { first, release } = await heldFirst(actorId, key, name);
    const repeat = retry(actorId, key, name);
    // A first request slower than a network round trip or two: a busy server, a long booking.
    setTimeout(release, 3_000);
    expect((await first).status).toBe(201);
    expect(await repeat).toMatchObject({ status: 201, ran: false, sites: 1 });
  }, 60_000);

  it("answers 409 IDEMPOTENCY_IN_PROGRESS only when the first request runs past the repeat's wait", async () => {
    const [actorId, key, name] = [randomUUID(), randomUUID(), `slow-${randomUUID()}`];
    const { first, release } = await heldFirst(actorId, key, name);
    const during = await retry(actorId, key, name, 500);
    expect(during).toMatchObject({ status: 409, body: { code: "IDEMPOTENCY_IN_PROGRESS" }, ran: false, sites: 0 });
    release();
    expect((await first).status).toBe(201);
    const after = await retry(actorId, key, name);
    expect(after).toMatchObject({ status: 201, ran: false, sites: 1 });
  }, 60_000);
});
