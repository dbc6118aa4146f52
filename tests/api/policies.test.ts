// The administrator's clinic policies through the HTTP edge: the admitted-pathway target in weeks
// (WL-2) and the theatre sessions' times (WL-5). Sound values are kept and read back; unsound ones
// are a 400 naming the field, and the site's policies stay as they were.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDatabase } from "../setup/db";
import { createClinic } from "../setup/pathway";

const prisma = testDatabase();
let admin: Actor;
let siteId: string;

beforeAll(async () => {
  ({
    staff: { admin },
  } = await createClinic(prisma));
  ({ siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } }));
});

const path = "/api/v1/policies";
const sessions = (morning: [string, string], afternoon: [string, string]) => ({
  morning: { start: morning[0], end: morning[1] },
  afternoon: { start: afternoon[0], end: afternoon[1] },
});

/** The policies as the administrator reads them, ready to be sent back with changes. */
async function current() {
  await signInAs(prisma, admin);
  const response = await callRoute("get", path, {});
  expect(response.status).toBe(200);
  return response.json();
}

const stored = async () => (await prisma.site.findUniqueOrThrow({ where: { id: siteId } })).policies;

describe("PUT /api/v1/policies: the 18-week target and the theatre sessions (WL-2, WL-5)", () => {
  it("answers the defaults before the administrator sets them: 18 weeks, 08:00-13:00 and 13:00-18:00", async () => {
    expect(await current()).toMatchObject({
      rttTargetWeeks: 18,
      theatreSessions: sessions(["08:00", "13:00"], ["13:00", "18:00"]),
    });
  });

  it("keeps a target in weeks and session times that follow one another, and answers them back", async () => {
    const changed = {
      ...(await current()),
      rttTargetWeeks: 16,
      theatreSessions: sessions(["08:30", "12:30"], ["13:30", "17:45"]),
    };
    const response = await callRoute("put", path, {}, "", changed);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rttTargetWeeks: 16, theatreSessions: changed.theatreSessions });
    expect(await current()).toMatchObject({ rttTargetWeeks: 16, theatreSessions: changed.theatreSessions });
  });

  it("keeps a morning that ends exactly when the afternoon starts", async () => {
    const response = await callRoute("put", path, {}, "", {
      ...(await current()),
      theatreSessions: sessions(["07:30", "12:00"], ["12:00", "16:30"]),
    });
    expect(response.status).toBe(200);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["a target of no weeks", { rttTargetWeeks: 0 }, "rttTargetWeeks"],
    ["a target in part weeks", { rttTargetWeeks: 17.5 }, "rttTargetWeeks"],
    ["a target over a year", { rttTargetWeeks: 53 }, "rttTargetWeeks"],
    [
      "a time not written HH:MM",
      { theatreSessions: sessions(["8:00", "13:00"], ["13:00", "18:00"]) },
      "theatreSessions.morning.start",
    ],
    [
      "a morning end not written HH:MM, blamed on that field alone",
      { theatreSessions: sessions(["08:00", "9:30"], ["13:00", "18:00"]) },
      "theatreSessions.morning.end",
    ],
    [
      "an hour past 23",
      { theatreSessions: sessions(["08:00", "13:00"], ["13:00", "24:00"]) },
      "theatreSessions.afternoon.end",
    ],
    [
      "a morning that ends before it starts",
      { theatreSessions: sessions(["13:00", "08:00"], ["13:00", "18:00"]) },
      "theatreSessions.morning.end",
    ],
    [
      "an afternoon that ends when it starts",
      { theatreSessions: sessions(["08:00", "13:00"], ["14:00", "14:00"]) },
      "theatreSessions.afternoon.end",
    ],
    [
      "a morning that runs into the afternoon",
      { theatreSessions: sessions(["08:00", "13:30"], ["13:00", "18:00"]) },
      "theatreSessions.afternoon.start",
    ],
    [
      "sessions without a morning",
      { theatreSessions: { afternoon: { start: "13:00", end: "18:00" } } },
      "theatreSessions.morning",
    ],
    [
      "a session written as text",
      { theatreSessions: { morning: "08:00-13:00", afternoon: { start: "13:00", end: "18:00" } } },
      "theatreSessions.morning",
    ],
    [
      "a session missing its end",
      { theatreSessions: { morning: { start: "08:00" }, afternoon: { start: "13:00", end: "18:00" } } },
      "theatreSessions.morning.end",
    ],
  ];
  for (const [what, change, field] of refused) {
    it(`refuses ${what} with 400 at path ${field}, and keeps the site's policies`, async () => {
      const before = await stored();
      const response = await callRoute("put", path, {}, "", { ...(await current()), ...change });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "VALIDATION",
        errors: [{ path: field, message: expect.any(String) }],
      });
      expect(await stored()).toEqual(before);
    });
  }
});
