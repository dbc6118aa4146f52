// `npm run bench:api`: the production build on a scratch PostgreSQL loaded with patients,
// appointments, cases, care plans and records; each main read and write of the API driven by
// autocannon next to the same rows fetched through `pg` (the floor); the reads again as the
// appointments grow; calendar and search with one app process and with two behind HAProxy.
//   npm run bench:api -- [--patients 100000] [--appointments 500000] [--seconds 8] [--connections 10]
//                        [--growth 10000,100000,1000000] [--skip-1m] [--no-scale] [--only a,b]
//                        [--profile calendar-week,search-name] [--profile-only]
// Every option also reads BENCH_<NAME> (BENCH_PATIENTS, BENCH_PROFILE, …). See README "Performance".
import { randomBytes } from "node:crypto";
import { readdirSync, statSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Client } from "pg";
import { hashPassword } from "@/lib/auth/passwords";
import { createAppRole } from "@/lib/db/roles";
import { ensureBuild, signIn, startApp, type App } from "./api-app";
import { emailOf, loadAppointments, loadBase, password } from "./api-data";
import { runHttp, runSql } from "./api-load";
import { failuresOf, growthTable, mainTable, scaleTable, type Measured } from "./api-report";
import { targetsFor, type Target } from "./api-targets";
import { haproxyMissing, startBalancer } from "./balancer";
import { exitOnError, withScratchDatabase } from "./measure";
import { report, type CpuProfile } from "./profile-top";

const { values: args } = parseArgs({
  options: {
    patients: { type: "string" },
    appointments: { type: "string" },
    seconds: { type: "string" },
    "growth-seconds": { type: "string" },
    connections: { type: "string" },
    "floor-clients": { type: "string" },
    growth: { type: "string" },
    "skip-1m": { type: "boolean" },
    "no-scale": { type: "boolean" },
    only: { type: "string" },
    profile: { type: "string" },
    "profile-only": { type: "boolean" },
  },
});
const option = (name: keyof typeof args, fallback: string) =>
  String(args[name] ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`] ?? fallback);
const flag = (name: keyof typeof args) =>
  Boolean(args[name]) || ["1", "true"].includes(process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`] ?? "");

const patients = Number(option("patients", "100000"));
const appointments = Number(option("appointments", "500000"));
const seconds = Number(option("seconds", "8"));
const growthSeconds = Number(option("growth-seconds", "6"));
const connections = Number(option("connections", "10"));
const floorClients = Number(option("floor-clients", "10"));
const growth = option("growth", "10000,100000,1000000")
  .split(",")
  .map(Number)
  .filter((size) => size > 0 && !(flag("skip-1m") && size >= 1_000_000));
const only = option("only", "").split(",").filter(Boolean);
const profiled = option("profile", "").split(",").filter(Boolean);
const ports = { pg: Number(process.env.BENCH_PG_PORT ?? 5490), app: 3501, profile: 3510, balancer: 3590 };
const profileRoot = process.env.BENCH_PROFILE_DIR ?? path.join(tmpdir(), "clinic-bench-profiles");

const secret = randomBytes(48).toString("base64");
// Sessions are reused for up to 10 minutes (the idle limit is 15): signing in again for every
// target multiplies sign-ins, and one that fails under load counts towards the lock-out.
const sessions = new Map<string, { cookie: string; at: number }>();
async function cookieFor(baseUrl: string, role: string): Promise<string> {
  const key = `${baseUrl} ${role}`;
  const kept = sessions.get(key);
  if (kept && Date.now() - kept.at < 600_000) return kept.cookie;
  const cookie = await signIn(baseUrl, emailOf(role), password);
  sessions.set(key, { cookie, at: Date.now() });
  return cookie;
}

async function measureTarget(baseUrl: string, target: Target, time: number, conns = connections) {
  const cookie = await cookieFor(baseUrl, target.role);
  // Warm: the route compiled and its queries prepared before the clock starts (reads only: a write would use up a slot).
  if (target.read)
    for (let i = 0; i < 3; i++)
      await fetch(`${baseUrl}${target.request.path}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const http = await runHttp(baseUrl, target.request, { cookie, seconds: time, connections: conns });
  process.stdout.write(
    `  ${target.name}: ${http.rps.toFixed(0)} req/s, p50 ${http.p50} ms, failures ${failuresOf(http.failures)}\n`,
  );
  return http;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`${label} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

/**
 * `target` against the app `live` returns; when the app process died meanwhile (on a shared
 * machine someone may stop every `next-server`), it is started again and the target run again.
 */
async function onLiveApp(live: () => Promise<App>, target: Target, time: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureTarget((await live()).url, target, time);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.error(`  ${target.name} failed (${(error as Error).message}): starting the app again and retrying`);
    }
  }
}

/** The reads only, API side, for the growth table. */
async function measureReads(live: () => Promise<App>, targets: Target[]): Promise<Measured[]> {
  const results: Measured[] = [];
  for (const target of targets.filter((t) => t.read && t.name !== "health")) {
    try {
      results.push({ name: target.name, http: await onLiveApp(live, target, growthSeconds) });
    } catch (error) {
      console.error(`  ${target.name} not measured at this size: ${(error as Error).message}`);
    }
  }
  return results;
}

/** Every target, with the floor of each read measured right after it on the same data. */
async function measureAll(live: () => Promise<App>, url: string, targets: Target[]): Promise<Measured[]> {
  const results: Measured[] = [];
  for (const target of targets) {
    const http = await onLiveApp(live, target, seconds);
    const floor = target.floor ? await runSql(url, target.floor, { seconds, concurrency: floorClients }) : undefined;
    results.push({ name: target.name, http, floor });
  }
  return results;
}

/** Calendar week and name search through HAProxy in front of one app process, then two. */
async function scaleOut(first: App, appUrl: string, targets: Target[]): Promise<string> {
  const missing = haproxyMissing();
  if (missing) return `Scale-out skipped: ${missing}`;
  const reads = targets.filter((t) => t.name === "calendar-week" || t.name === "search-name");
  const second = await startApp({ port: ports.app + 1, databaseUrl: appUrl, secret });
  try {
    // Stateless: a session signed in on one process is accepted by the other (same NEXTAUTH_SECRET).
    const cookie = await signIn(first.url, emailOf("reception"), password);
    const elsewhere = await fetch(`${second.url}${reads[0]!.request.path}`, { headers: { cookie } });
    const stateless = `A session signed in on process 1 read the calendar on process 2: HTTP ${elsewhere.status}`;
    await elsewhere.body?.cancel();
    const hosts = [first, second].map((a) => new URL(a.url).host);
    const rows = [];
    const results = new Map<string, Measured["http"][]>();
    for (const servers of [hosts.slice(0, 1), hosts]) {
      const balancer = await startBalancer(ports.balancer, servers);
      try {
        for (const target of reads) {
          const http = await measureTarget(balancer.url, target, seconds, connections * 2);
          results.set(target.name, [...(results.get(target.name) ?? []), http]);
        }
      } finally {
        await balancer.stop();
      }
    }
    for (const [name, [one, two]] of results) rows.push({ name, one: one!, two: two! });
    return `${stateless}\n\n${scaleTable(rows)}`;
  } finally {
    await second.stop();
  }
}

/** The newest .cpuprofile under `dir`. */
function newestProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0] ?? null;
}

/** Each chosen target against an app process run under `node --cpu-prof`, and the profile's top functions. */
async function profile(appUrl: string, targets: Target[]) {
  for (const name of profiled) {
    const target = targets.find((t) => t.name === name);
    if (!target) throw new Error(`No target named ${name}: ${targets.map((t) => t.name).join(", ")}`);
    const dir = path.join(profileRoot, `${name}-${Date.now()}`);
    const app = await startApp({ port: ports.profile, databaseUrl: appUrl, secret, profileDir: dir });
    await measureTarget(app.url, target, 2); // warm: compiled routes, cached plans
    await measureTarget(app.url, target, seconds);
    await app.stop();
    const file = newestProfile(dir);
    if (!file) throw new Error(`No .cpuprofile was written in ${dir}`);
    console.log(`\nCPU profile of ${name} written to ${file}\n`);
    console.log(report(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, 25));
  }
}

async function run(ownerUrl: string, client: Client) {
  const appUrl = await createAppRole(ownerUrl);
  await timed(`Loaded ${patients.toLocaleString("en-GB")} patients with their cases and recovery`, async () =>
    loadBase(client, patients, await hashPassword(password)),
  );
  let loaded = 0;
  const loadTo = (size: number) =>
    timed(`Loaded appointments up to ${size.toLocaleString("en-GB")}`, async () => {
      await loadAppointments(client, loaded, size, patients);
      loaded = size;
    });
  // A fresh app process for each phase: one that died (or was stopped by someone) during a long load is not reused.
  let app: App | null = null;
  const freshApp = async () => {
    await app?.stop();
    app = await startApp({ port: ports.app, databaseUrl: appUrl, secret });
    return app;
  };
  const live = async () => (app?.alive() ? app : freshApp());
  try {
    const bySize = new Map<number, Measured[]>();
    const pick = (targets: Target[]) => (only.length ? targets.filter((t) => only.includes(t.name)) : targets);
    if (!flag("profile-only")) {
      for (const size of growth.filter((s) => s < appointments)) {
        await loadTo(size);
        console.log(`Reads at ${size.toLocaleString("en-GB")} appointments:`);
        await freshApp();
        bySize.set(size, await measureReads(live, pick((await targetsFor(client, patients)).targets)));
      }
    }
    await loadTo(appointments);
    const { targets: all, recordable } = await targetsFor(client, patients);
    const targets = pick(all);
    if (flag("profile-only")) return await profile(appUrl, all);
    console.log(
      `All targets at ${appointments.toLocaleString("en-GB")} appointments (${recordable} dressings to record):`,
    );
    await freshApp();
    const main = await measureAll(live, ownerUrl, targets);
    bySize.set(
      appointments,
      main.filter((m) => m.name !== "health" && targets.find((t) => t.name === m.name)?.read),
    );
    // Each table is printed as soon as it is known, so a long run stopped early keeps what it measured.
    console.log(
      `\n## ${patients.toLocaleString("en-GB")} patients, ${appointments.toLocaleString("en-GB")} appointments; ` +
        `${connections} connections, ${seconds} s each; floor: ${floorClients} pg clients\n`,
    );
    console.log(mainTable(main));
    const scale = flag("no-scale")
      ? "Scale-out skipped (--no-scale)."
      : await scaleOut(await freshApp(), appUrl, targets);
    console.log(`\n## Scale-out (${connections * 2} connections, through HAProxy)\n`);
    console.log(scale);
    if (profiled.length) await profile(appUrl, all);
    const printGrowth = () => {
      console.log(
        `\n## Growth (${growthSeconds} s a read; at ${appointments.toLocaleString("en-GB")}: the main run)\n`,
      );
      console.log(growthTable(bySize));
    };
    printGrowth();
    const larger = growth.filter((s) => s > appointments);
    for (const size of larger) {
      await loadTo(size);
      console.log(`Reads at ${size.toLocaleString("en-GB")} appointments:`);
      await freshApp();
      bySize.set(size, await measureReads(live, pick((await targetsFor(client, patients)).targets)));
    }
    if (larger.length) printGrowth();
  } finally {
    await (app as App | null)?.stop();
  }
}

exitOnError(async () => {
  ensureBuild();
  await withScratchDatabase(ports.pg, run);
});
