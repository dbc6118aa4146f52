// What the benchmarks share: a throwaway migrated PostgreSQL, and timings as medians.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";

/** Runs `work` against a fresh, migrated database on an embedded server, then removes it all. */
export async function withScratchDatabase(port: number, work: (url: string, client: Client) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-bench-"));
  const server = await startEmbeddedPostgres({ dir, port });
  try {
    await server.createDatabase("bench");
    const url = server.url("bench");
    await migrate(url);
    const client = new Client({ connectionString: url });
    client.on("error", () => undefined);
    await client.connect();
    try {
      await work(url, client);
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times `run` `runs` times; returns the median and the worst, in milliseconds. */
export async function measure(runs: number, run: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, worst: times.at(-1)! };
}

/** Median and 95th percentile of `runs` timings of `run`, in milliseconds, after two warm-up runs. */
export async function timings(runs: number, run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.ceil(runs * 0.95) - 1]! };
}

/** The scans of a query's plan, one line. */
export async function planOf(client: Client, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query(`EXPLAIN ${sql}`, params);
  const scans = rows
    .map((r) => String(r["QUERY PLAN"]))
    .filter((line) => /Scan/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/\s+\(cost.*$/, "")
        .replace(/^->\s+/, ""),
    );
  return [...new Set(scans)].join(" / ");
}

export function exitOnError(main: () => Promise<void>) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
