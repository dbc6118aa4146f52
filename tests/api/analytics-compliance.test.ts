// GET /api/v1/analytics/compliance and its CSV downloads through their route handlers (OC-5):
// who may read them, what a bad period answers, the figures of a case walked through the real
// commands, and that only roles reading the clinical record see the cases behind a figure.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { testDatabase } from "../setup/db";
import { dayFromToday } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { callRoute, signInAs } from "../setup/routes";

const prisma = testDatabase();
const path = "/api/v1/analytics/compliance";
let staff: Team & { admin: Actor };
let operated: { caseId: string; patientId: string };
let familyName: string;

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
  // Operated 40 days ago: referral D-160, diagnosis D-150, first-line D-140, listing D-95,
  // assessment D-30; the plan's dressings (D2..D14), crutch review and first physiotherapy
  // session (due D7) have passed with nothing recorded.
  operated = await caseAt(staff, "operated", { operatedDaysAgo: 40 });
  ({ familyName } = await prisma.patient.findUniqueOrThrow({ where: { id: operated.patientId } }));
  // Another site's operation is not this site's.
  const other = await createClinic(prisma);
  await caseAt(other.team, "operated", { operatedDaysAgo: 20 });
});

async function as(role: Role, query = "", apiPath = path) {
  await signInAs(prisma, staff[role as keyof typeof staff]);
  return callRoute("get", apiPath, {}, query);
}

describe("OC-5 GET /api/v1/analytics/compliance", () => {
  it("OC-5: counts PO-3, PO-1, PO-4, PO-6 and SX-3 for the site's operated case, and the waits between its stages", async () => {
    const response = await as("surgeon");
    expect(response.status).toBe(200);
    const report = await response.json();
    const figures = report.rules.map((r: Record<string, unknown>) => [
      r.rule,
      r.eligible,
      r.met,
      r.share,
      r.casesBehind,
    ]);
    expect(figures).toEqual([
      ["PO-3", 7, 0, 0, 1],
      ["PO-1", 1, 0, 0, 1],
      ["PO-4", 1, 0, 0, 1],
      ["PO-6", 0, 0, null, 0],
      ["SX-3", 1, 1, 1, 0],
    ]);
    expect(report.rules[0].longestGapDays).toBeNull();
    expect(report.waits.operations).toBe(1);
    expect(report.waits.stages.map((s: { medianDays: number }) => s.medianDays)).toEqual([10, 10, 45, 95, 160]);
  });

  it("OC-5: counts an item in the period of its own day: dressings due 26 to 38 days ago are not in the last 10 days", async () => {
    const report = await (await as("admin", `?from=${dayFromToday(-10)}&to=${dayFromToday(0)}`)).json();
    expect(report.rules.map((r: { eligible: number }) => r.eligible)).toEqual([0, 0, 0, 0, 0]);
    expect(report.waits.operations).toBe(0);
  });

  it("OC-5: names and links the cases behind each figure for a surgeon, and audits that read", async () => {
    const report = await (await as("surgeon")).json();
    const po3 = report.rules[0];
    expect(po3.cases).toEqual([
      expect.objectContaining({ caseId: operated.caseId, href: `/cases/${operated.caseId}` }),
    ]);
    expect(po3.cases[0].patientName).toContain(familyName);
    expect(report.rules[4].cases).toEqual([]);
    const audited = await prisma.auditEvent.findFirst({
      where: { actorId: staff.surgeon.id, action: "analytics.compliance.cases" },
      orderBy: { at: "desc" },
    });
    expect(audited?.patientIds).toEqual([operated.patientId]);
  });

  it("OC-5: gives an administrator the figures without any case or patient name, and audits no patient read", async () => {
    const response = await as("admin");
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(familyName);
    expect(text).not.toContain(operated.caseId);
    const report = JSON.parse(text);
    expect(report.rules.every((r: object) => !("cases" in r) && !("longestGapCase" in r))).toBe(true);
    expect(report.rules[0].eligible).toBe(7);
    expect(
      await prisma.auditEvent.count({ where: { actorId: staff.admin.id, action: "analytics.compliance.cases" } }),
    ).toBe(0);
  });

  it("is for surgeons and administrators: 403 to every other role, 401 signed out", async () => {
    for (const role of ["reception", "nurse", "anaesthetist", "physio"] as const) {
      expect((await as(role)).status, role).toBe(403);
      expect((await as(role, "", `${path}.csv`)).status, role).toBe(403);
    }
    await signInAs(prisma, null);
    expect((await callRoute("get", path, {})).status).toBe(401);
  });

  it("answers 400 naming the field for a day that does not exist or a period that ends before it starts", async () => {
    for (const [query, field] of [
      ["?from=2026-02-30", "from"],
      ["?from=yesterday", "from"],
      [`?from=${dayFromToday(0)}&to=${dayFromToday(-1)}`, "to"],
    ] as const) {
      for (const apiPath of [path, `${path}.csv`, "/api/v1/analytics/stage-waits.csv"]) {
        const response = await as("surgeon", query, apiPath);
        expect(response.status, `${apiPath}${query}`).toBe(400);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
        expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual([field]);
      }
    }
  });
});

describe("OC-5 compliance and stage-wait CSV downloads", () => {
  it("OC-5: downloads the figures per rule as CSV without a patient, and audits the export", async () => {
    const response = await as("admin", "", `${path}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Rule,Measure,Eligible,Met,Share met (%),Cases behind,Longest gap between dressings (days)");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["PO-3", "PO-1", "PO-4", "PO-6", "SX-3"]);
    expect(lines[5]).toMatch(/^SX-3,.*,1,1,100,0,$/);
    const audited = await prisma.auditEvent.findFirst({
      where: { actorId: staff.admin.id, action: "analytics.export" },
      orderBy: { at: "desc" },
    });
    expect(audited?.detail).toMatchObject({ table: "compliance" });
  });

  it("downloads the waits between stages as CSV, and audits the export", async () => {
    const response = await as("surgeon", "", "/api/v1/analytics/stage-waits.csv");
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Stage,Cases,Median (days),90th percentile (days)",
      "Referral to diagnosis,1,10,10",
      "Diagnosis to first-line treatment,1,10,10",
      "First-line treatment to listing,1,45,45",
      "Listing to operation,1,95,95",
      "Referral to operation (whole pathway),1,160,160",
    ]);
    expect(
      await prisma.auditEvent.count({ where: { actorId: staff.surgeon.id, action: "analytics.export" } }),
    ).toBeGreaterThan(0);
  });
});
