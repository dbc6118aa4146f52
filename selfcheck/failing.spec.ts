// A deliberately failing end-to-end test, outside the suite's folder: `npm run test:selfcheck`
// runs it against the suite's own web server and passes only when Playwright exits non-zero.
import { expect, test } from "@playwright/test";

test("fails on purpose, after reaching the running application", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(599);
});
