// GET /api/v1/waiting-list/summary through its route handler: who may read it, what bad filters
// answer, and the figures (WL-2 admitted clock) of a list seeded through the real commands.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { daysBetween } from "@/lib/domain/time";
import type { ListingPriority } from "@/lib/domain/waiting-list";
import { cancelCase } from "@/lib/services/case-commands";
import { registerPatient } from "@/lib/services/patients";
import { walkCase, type Stage } from "@/prisma/demo-cases";
import { createActor, testDatabase } from "../setup/db";
import { dayFromToday, now, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
const path = "/api/v1/waiting-list/summary";
let staff: Team & { admin: Actor };
let secondSurgeon: Actor;

/** A case of a new patient walked to `stage`: listed `listedDaysAgo` days ago, operated `operatedDaysAgo` days ago. */
async function listed(
  stage: Stage,
  o: { listedDaysAgo: number; operatedDaysAgo?: number; priority?: ListingPriority; surgeon?: Actor },
) {
  const patient = await registerPatient(staff.reception, {
    givenName: "Waiting",
    familyName: `Summary${Math.random().toString(36).slice(2, 8)}`,
    birthDate: "1970-01-01",
    sex: "male",
    phone: null,
    email: null,
  });
  // Day 0 is the operation's day; for a case not yet operated, 95 days after the listing (the
  // assessment falls 30 days before it, so an assessed case is listed at least 65 days ago).
  const operatedDaysAgo = o.operatedDaysAgo ?? o.listedDaysAgo - 95;
  return walkCase({ ...staff, surgeon: o.surgeon ?? staff.surgeon }, patient.id, stage, {
    now: now(),
    operatedDaysAgo,
    listedDaysBeforeOperation: o.listedDaysAgo - operatedDaysAgo,
    priority: o.priority,
  });
}

// Days since the 1st of this month: the breaches counted "this month" depend on the day of it.
const d = daysBetween(`${today().slice(0, 8)}01`, today());

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
  secondSurgeon = await createActor(prisma, "surgeon");
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: staff.surgeon.id } });
  await prisma.staff.update({ where: { id: secondSurgeon.id }, data: { siteId } });
  // Waiting: breach date (listing + 126 days) in 116 days, in 86, in 26 (forecast week 4), in 6
  // (week 1), yesterday (passed today), the last day of last month (passed on the 1st), and
  // the day before that (passed last month).
  await listed("listed", { listedDaysAgo: 10, priority: "P2", surgeon: secondSurgeon });
  await listed("listed", { listedDaysAgo: 40, priority: "P3" });
  await listed("listed", { listedDaysAgo: 100, priority: "P3" });
  await listed("assessed", { listedDaysAgo: 120 });
  await listed("listed", { listedDaysAgo: 127 });
  await listed("listed", { listedDaysAgo: 127 + d });
  await listed("listed", { listedDaysAgo: 128 + d });
  // Operated today after 200 days (counted this month), on the last day of last month after 200
  // days (last month's), and 5 days ago after 95 days (within target).
  await listed("operated", { listedDaysAgo: 200, operatedDaysAgo: 0 });
  await listed("operated", { listedDaysAgo: 200 + d + 1, operatedDaysAgo: d + 1 });
  await listed("operated", { listedDaysAgo: 100, operatedDaysAgo: 5 });
  // Cancelled today: one whose breach date was yesterday (counted), one within target.
  for (const listedDaysAgo of [127, 60]) {
    const { caseId } = await listed("listed", { listedDaysAgo });
    await cancelCase(staff.surgeon, caseId, { reason: "The patient moved away." }, now());
  }
  // Another site's listing is not this site's.
  const other = await createClinic(prisma);
  await caseAt(other.team, "listed", { operatedDaysAgo: 40 });
});

async function summaryAs(role: Role, query = "") {
  await signInAs(prisma, staff[role as keyof typeof staff]);
  return callRoute("get", path, {}, query);
}

describe("GET /api/v1/waiting-list/summary", () => {
  it("answers the site's figures: waiting, nearest-rank median and 90th percentile, this month's breaches, four weeks of forecast", async () => {
    const response = await summaryAs("reception");
    expect(response.status).toBe(200);
    // Waits: 10, 40, 100, 120, 127, 127+d, 128+d; the median is the 4th of 7, the 90th percentile the 7th.
    expect(await response.json()).toEqual({
      waiting: 7,
      medianDaysWaiting: 120,
      p90DaysWaiting: 128 + d,
      breachesThisMonth: 4,
      forecast: [
        { weekStarting: today(), breaches: 1 },
        { weekStarting: dayFromToday(7), breaches: 0 },
        { weekStarting: dayFromToday(14), breaches: 0 },
        { weekStarting: dayFromToday(21), breaches: 1 },
      ],
    });
  });

  it("counts only one priority's or one surgeon's listings when asked", async () => {
    const p3 = await (await summaryAs("surgeon", "?priority=P3")).json();
    expect(p3).toMatchObject({ waiting: 2, medianDaysWaiting: 40, p90DaysWaiting: 100, breachesThisMonth: 0 });
    expect(p3.forecast.map((w: { breaches: number }) => w.breaches)).toEqual([0, 0, 0, 1]);
    const second = await (await summaryAs("admin", `?surgeonId=${secondSurgeon.id}`)).json();
    expect(second).toMatchObject({ waiting: 1, medianDaysWaiting: 10, p90DaysWaiting: 10, breachesThisMonth: 0 });
  });

  it("is for reception, surgeons, anaesthetists and administrators: 403 to nurses and physiotherapists, 401 signed out", async () => {
    for (const role of ["reception", "surgeon", "anaesthetist", "admin"] as const)
      expect((await summaryAs(role)).status, role).toBe(200);
    for (const role of ["nurse", "physio"] as const) expect((await summaryAs(role)).status, role).toBe(403);
    await signInAs(prisma, null);
    expect((await callRoute("get", path, {})).status).toBe(401);
  });

  it("answers 400 naming the filter for a priority it does not know or a surgeon id that is not one", async () => {
    for (const [query, field] of [
      ["?priority=P5", "priority"],
      ["?surgeonId=not-an-id", "surgeonId"],
    ] as const) {
      const response = await summaryAs("reception", query);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});
