// `npm run test:clocks [-- [--e2e] <instant> ...]`: runs the vitest suite (with --e2e, the
// end-to-end suite, which needs `npm run build` first) as if the machine's clock read each
// instant (ISO 8601), through libfaketime (Debian package `faketime`). The clock is shifted by a
// fixed offset, so the test runner, the web server and Chromium all agree on the time, and it
// keeps running from there. Without instants, every instant below; prints a table and exits
// non-zero when any run fails.
//
// The embedded PostgreSQL keeps the real clock (lib/db/embedded.ts says why).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Instants where a calendar-day or clock-change mistake shows, with what each one tests. */
const matrix: { instant: string; why: string }[] = [
  { instant: "2026-12-02T00:05:00Z", why: "00:05 London on a weekday (just after midnight)" },
  { instant: "2026-12-02T23:55:00Z", why: "23:55 London on a weekday (midnight during the run)" },
  { instant: "2026-12-05T09:00:00Z", why: "Saturday 09:00 London" },
  { instant: "2027-03-28T00:30:00Z", why: "UK spring-forward night, before 01:00 UTC" },
  { instant: "2027-03-28T01:30:00Z", why: "UK spring-forward night, after (02:30 BST)" },
  { instant: "2027-10-31T00:30:00Z", why: "UK fall-back night, 01:30 BST (first time round)" },
  { instant: "2027-10-31T01:30:00Z", why: "UK fall-back night, 01:30 GMT (second time round)" },
  { instant: "2028-02-29T12:00:00Z", why: "29 February" },
  { instant: "2026-12-31T23:30:00Z", why: "New Year's Eve 23:30 (the year ends during the run)" },
];

const london = (instant: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    weekday: "short",
    day: "2-digit",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);

const args = process.argv.slice(2);
const e2e = args.includes("--e2e");
const requested = args.filter((a) => a !== "--e2e");
const runs = requested.length
  ? requested.map((instant) => matrix.find((m) => m.instant === instant) ?? { instant, why: "given" })
  : matrix;
for (const { instant } of runs) {
  if (Number.isNaN(Date.parse(instant))) {
    console.error(`Not an ISO 8601 instant: ${instant}`);
    process.exit(2);
  }
}
if (spawnSync("faketime", ["-f", "+0", "true"]).status !== 0) {
  console.error("libfaketime is missing: install the Debian package `faketime` (apt-get install -y faketime).");
  process.exit(2);
}

const results: {
  instant: string;
  local: string;
  why: string;
  tests: number;
  failed: number;
  status: number | null;
  failures: string[];
}[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "clinic-clocks-"));
try {
  for (const { instant, why } of runs) {
    const target = new Date(instant);
    const offsetSeconds = Math.round((target.getTime() - Date.now()) / 1000);
    const report = path.join(scratch, `${instant.replace(/\W/g, "")}.json`);
    console.log(`\n=== ${instant} (${london(target)}): ${why}\n`);
    const suite = e2e
      ? {
          args: ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
          env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
        }
      : {
          args: [
            "node_modules/vitest/vitest.mjs",
            "run",
            "--reporter=default",
            "--reporter=json",
            `--outputFile.json=${report}`,
          ],
          env: {},
        };
    const run = spawnSync(
      "faketime",
      ["-f", `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`, process.execPath, ...suite.args],
      {
        stdio: "inherit",
        env: { ...process.env, ...suite.env },
      },
    );
    let tests = 0;
    let failed = 0;
    const failures: string[] = [];
    try {
      const json = JSON.parse(readFileSync(report, "utf8"));
      if (e2e) {
        const stats = json.stats as { expected: number; unexpected: number; flaky: number; skipped: number };
        tests = stats.expected + stats.unexpected + stats.flaky + stats.skipped;
        failed = stats.unexpected + stats.flaky;
        failures.push(...playwrightFailures(json));
      } else {
        tests = json.numTotalTests;
        failed = json.numFailedTests;
        failures.push(...vitestFailures(json));
      }
    } catch {
      // No report: the run itself failed, which its status says.
    }
    results.push({ instant, local: london(target), why, tests, failed, status: run.status, failures });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\n${e2e ? "End-to-end" : "Vitest"} suite at each clock:`);
console.log("Instant (UTC)          London time                     Tests  Failed  Exit");
for (const r of results) {
  console.log(
    `${r.instant.padEnd(22)} ${r.local.padEnd(31)} ${String(r.tests).padStart(5)}  ${String(r.failed).padStart(6)}  ${String(r.status).padStart(4)}`,
  );
}
const bad = results.filter((r) => r.status !== 0 || r.failed > 0 || r.tests === 0);
for (const r of bad) {
  for (const failure of r.failures) console.error(`\n✗ at ${r.instant}: ${failure}`);
}
if (bad.length) {
  console.error(`\nFailed at ${bad.map((r) => r.instant).join(", ")}.`);
  process.exit(1);
}
console.log(`\nPassed at all ${results.length} instants.`);

/** "file › test title: first line of the error" for every failed vitest test in a JSON report. */
function vitestFailures(json: {
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}): string[] {
  return json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === "failed")
      .map(
        (t) =>
          `${path.relative(process.cwd(), file.name)} › ${t.fullName}: ${firstLines(t.failureMessages.join("\n"))}`,
      ),
  );
}

type PlaywrightSuite = {
  title: string;
  specs?: { title: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};

/** "file › test title: first line of the error" for every unexpected or flaky Playwright test in a JSON report. */
function playwrightFailures(json: { suites: PlaywrightSuite[] }): string[] {
  const walk = (suite: PlaywrightSuite, trail: string[]): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === "unexpected" || t.status === "flaky")
        .map(
          (t) =>
            `${[...trail, spec.title].join(" › ")}: ${firstLines(t.results.find((r) => r.error)?.error?.message ?? t.status)}`,
        ),
    ),
    ...(suite.suites ?? []).flatMap((child) => walk(child, [...trail, child.title])),
  ];
  return json.suites.flatMap((suite) => walk(suite, [suite.title]));
}

/** The first three lines of an error message, without colour codes. */
function firstLines(message: string): string {
  return message
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter(Boolean)
    .slice(0, 3)
    .join(" ⏎ ");
}
