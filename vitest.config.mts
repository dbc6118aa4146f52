import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/database.ts"],
    setupFiles: ["tests/setup/fixed-date.ts"],
    // Request log lines would bury the report; tests that read them inject their own logger.
    env: { LOG_LEVEL: "silent" },
    pool: "forks",
    // @medplum/core, which validates FHIR resources in tests, reads the global WebSocket when it
    // loads; Node 20 has it only behind this flag (Node 22 always).
    execArgv: ["--experimental-websocket"],
    // Hang guards, not speed limits: on a busy two-core machine fifty racing transactions or the
    // demo seed take several times their usual seconds. Speed is measured by the benchmarks.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
