// `npm run test:selfcheck`: proves that a failing test fails the run. Vitest and Playwright each
// run one deliberately failing test (selfcheck/) with the suite's own set-up: the embedded
// PostgreSQL of the unit and integration tests, the production web server of the end-to-end
// tests. This passes only when each runner reports exactly that one failure AND exits non-zero;
// a runner that exits 0 over a failure would let any broken commit land.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const scratch = mkdtempSync(path.join(tmpdir(), "clinic-selfcheck-"));

type Check = { runner: string; status: number | null; failed: number; passed: number };

function run(
  runner: string,
  args: string[],
  env: Record<string, string>,
  report: string,
  count: (json: unknown) => { failed: number; passed: number },
): Check {
  console.log(`\n=== ${runner}: the deliberately failing fixture\n`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  let counts = { failed: 0, passed: 0 };
  try {
    counts = count(JSON.parse(readFileSync(report, "utf8")));
  } catch {
    // No report: counted as no failure seen, which fails the check below.
  }
  return { runner, status: result.status, ...counts };
}

try {
  const vitestReport = path.join(scratch, "vitest.json");
  const playwrightReport = path.join(scratch, "playwright.json");
  const checks = [
    run(
      "vitest",
      [
        "node_modules/vitest/vitest.mjs",
        "run",
        "--config",
        "selfcheck/vitest.config.mts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestReport}`,
      ],
      {},
      vitestReport,
      (json) => {
        const summary = json as { numFailedTests: number; numPassedTests: number };
        return { failed: summary.numFailedTests, passed: summary.numPassedTests };
      },
    ),
    run(
      "playwright",
      [
        "node_modules/@playwright/test/cli.js",
        "test",
        "--config",
        "selfcheck/playwright.config.ts",
        "--reporter=list,json",
      ],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
      playwrightReport,
      (json) => {
        const stats = (json as { stats: { unexpected: number; expected: number } }).stats;
        return { failed: stats.unexpected, passed: stats.expected };
      },
    ),
  ];
  console.log("\nRunner      Failed  Passed  Exit");
  for (const c of checks)
    console.log(
      `${c.runner.padEnd(10)}  ${String(c.failed).padStart(6)}  ${String(c.passed).padStart(6)}  ${String(c.status).padStart(4)}`,
    );
  const broken = checks.filter((c) => c.failed !== 1 || c.passed !== 0 || c.status === 0);
  if (broken.length) {
    console.error(
      `\nSelf-check FAILED: ${broken.map((c) => `${c.runner} ${c.status === 0 ? "exited 0 over a failing test" : "did not report exactly the one failure"}`).join("; ")}.`,
    );
    process.exit(1);
  }
  console.log("\nSelf-check passed: each runner reported its failing fixture and exited non-zero.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
