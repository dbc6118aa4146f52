// When PostgreSQL does not answer, the API says so: 503 DATABASE_UNAVAILABLE with the request id,
// rather than a 500 that reads like a bug, and the request's log line names the cause.
import { call, signInAs } from "../setup/routes";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db, setDb, type Db } from "@/lib/db/client";
import { createLogger, setLogger } from "@/lib/observability/log";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
const lines: string[] = [];
let working: Db;
let unreachable: Db;

beforeAll(async () => {
  setLogger(
    createLogger({
      level: "info",
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    }),
  );
  await signInAs(prisma, await createActor(prisma, "reception"));
  working = db();
  // Port 9 (discard) has no PostgreSQL: every connection is refused at once.
  unreachable = createDb("postgresql://clinic:clinic@127.0.0.1:9/clinic", { connections: 1 });
});

afterAll(async () => {
  setDb(working);
  setLogger(null);
  await unreachable.$disconnect().catch(() => undefined);
});

describe("database unavailable", () => {
  it("answers 503 DATABASE_UNAVAILABLE with the request id, and logs the cause without a message", async () => {
    setDb(unreachable);
    try {
      const response = await call("get", "/api/v1/patients", {
        query: "q=smi",
        headers: { "x-request-id": "db-down-1" },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE", requestId: "db-down-1" });
    } finally {
      setDb(working);
    }
    const line = lines
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === "db-down-1");
    expect(line).toMatchObject({ status: 503, route: "GET /api/v1/patients", level: 50 });
    expect(JSON.stringify(line)).not.toContain("smi");
  });
});
