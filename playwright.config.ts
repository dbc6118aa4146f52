import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The end-to-end suite runs the production build through `scripts/start.ts` on a fresh embedded
// PostgreSQL loaded with the demo data, and drives the system's Chromium.
// The FHIR journeys validate answers with @medplum/core (tests/setup/fhir-validation.ts), which
// reads the global WebSocket when it loads: Node 20 has it only with this flag, which the test
// workers inherit.
if (!process.env.NODE_OPTIONS?.includes("--experimental-websocket"))
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --experimental-websocket`.trim();
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
const dataDir = path.join(tmpdir(), `clinic-e2e-${port}`);
const pgPort = port + 51230;
/** Where the server's demo mailbox keeps each message it receives, as an `.eml` file (scripts/demo-mailbox.ts). */
export const e2eMailboxDir = path.join(dataDir, "mailbox");
/** The throwaway server's database, for tests that arrange what only an earlier clock could have made (e2e/arrange.ts). */
export const e2eDatabaseUrl = `postgresql://clinic:clinic@127.0.0.1:${pgPort}/clinic`;
// A fixed secret for this throwaway server only: the idle-expiry tests sign their own tokens.
export const e2eAuthSecret = "e2e-only-secret-not-used-anywhere-else-0123456789";

export default defineConfig({
  testDir: "e2e",
  // One worker: some tests count audit rows and would see each other's writes.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  // Hang guards, not speed limits: on a busy two-core machine a journey that signs in several
  // roles and arranges bookings takes several times its usual seconds.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `rm -rf "${dataDir}" && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // The project's root, also when a configuration elsewhere (selfcheck/) reuses this one.
    cwd: __dirname,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "",
      CLINIC_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      NEXTAUTH_SECRET: e2eAuthSecret,
      NEXTAUTH_URL: baseURL,
    },
  },
});
