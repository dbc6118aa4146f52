import { expect, request, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { roles, workspaceOf } from "@/lib/auth/policy";
import { baseURL, e2eAuthSecret } from "../playwright.config";
import { now as clockNow } from "./clock";
import { apiAs, emailOf, signInThroughPage } from "./support";

test.describe("signing in", () => {
  for (const role of roles) {
    test(`${role} signs in through the page and lands on the ${role} workspace`, async ({ page }) => {
      await signInThroughPage(page, emailOf(role));
      await expect(page).toHaveURL(`${baseURL}${workspaceOf[role]}`);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    });
  }

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await signInThroughPage(page, emailOf("nurse"), "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/nurse");
    await expect(page).toHaveURL(/\/login/);
  });

  test("five failures lock the account for 15 minutes, even against the right password", async ({ page }) => {
    const email = "reception2@demo.clinic";
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInThroughPage(page, email, `wrong-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    }
    await signInThroughPage(page, email);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Too many failed attempts. Sign-in is locked for 15 minutes.",
    );
    await expect(page).toHaveURL(/\/login$/);
  });

  test("an unknown email is answered exactly like a wrong password", async ({ page }) => {
    await signInThroughPage(page, "nobody@demo.clinic", "whatever");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
  });

  test("a page asked for without a session sends the visitor to sign in", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit$/);
  });

  test("a role opening another role's workspace is sent back to its own", async ({ page }) => {
    await signInThroughPage(page, emailOf("nurse"));
    await expect(page).toHaveURL(/\/nurse$/);
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/nurse$/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInThroughPage(page, emailOf("physio"));
    await expect(page).toHaveURL(/\/physio$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/v1/staff")).status()).toBe(401);
  });

  test("a signed-out session stays ended even if its old cookie is sent again", async () => {
    const api = await apiAs("nurse");
    const cookies = await api.storageState();
    const csrf = await (await api.get("/api/auth/csrf")).json();
    await api.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, json: "true" } });
    const replay = await request.newContext({ baseURL, storageState: cookies });
    expect((await replay.get("/api/v1/staff")).status()).toBe(401);
  });
});

test.describe("session lifetime", () => {
  const minute = 60_000;

  async function statusWithToken(times: { signedInAt: number; lastSeenAt: number }) {
    const api = await apiAs("surgeon");
    const session = await (await api.get("/api/auth/session")).json();
    const token = await encode({
      secret: e2eAuthSecret,
      token: {
        name: session.user?.name,
        staffId: session.staffId,
        sessionId: session.sessionId,
        role: "surgeon",
        ...times,
      },
      maxAge: 12 * 60 * 60,
    });
    const forged = await request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` },
    });
    return (await forged.get("/api/v1/staff")).status();
  }

  test("a session used a minute ago is live", async () => {
    const now = clockNow().getTime();
    expect(await statusWithToken({ signedInAt: now - 60 * minute, lastSeenAt: now - minute })).toBe(200);
  });

  test("a session idle for 16 minutes has ended", async () => {
    const now = clockNow().getTime();
    expect(await statusWithToken({ signedInAt: now - 20 * minute, lastSeenAt: now - 16 * minute })).toBe(401);
  });

  test("a session has ended 12 hours after sign-in, however active", async () => {
    const now = clockNow().getTime();
    expect(await statusWithToken({ signedInAt: now - 12 * 60 * minute - minute, lastSeenAt: now - minute })).toBe(401);
  });
});
