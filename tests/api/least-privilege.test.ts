// Least privilege (the protocol's "who may do what"): each role gets what its work needs and no
// more, through the same route handlers the app serves.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import type { CaseDetail } from "@/lib/schemas/case";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { recoveryBoard } from "@/lib/services/recovery-board";
import { testDatabase } from "../setup/db";
import { siteAt } from "../setup/clock";
import { caseAt, createClinic } from "../setup/pathway";

const prisma = testDatabase();
let staff: Record<Role, Actor>;

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
});

async function as(role: Role) {
  await signInAs(prisma, staff[role]);
}

describe("least privilege", () => {
  it("lets only the physiotherapist record a physiotherapy session: a surgeon is refused and nothing is written", async () => {
    const { caseId } = await caseAt(staff, "operated", { operatedDaysAgo: 2 });
    const session = await bookAppointment(
      staff.physio,
      { caseId, kind: "physio", start: siteAt(0, 8).toISOString() },
      siteAt(0, 0),
    );
    await as("surgeon");
    const refused = await callRoute("post", "/api/v1/appointments/{id}/physio-record", { id: session.id }, "", {
      notes: "Range of motion",
    });
    expect(refused.status).toBe(403);
    expect(await prisma.physioRecord.count({ where: { appointmentId: session.id } })).toBe(0);
    await as("physio");
    const recorded = await callRoute("post", "/api/v1/appointments/{id}/physio-record", { id: session.id }, "", {
      notes: "Range of motion",
    });
    expect(recorded.status).toBe(201);
  });

  it("gives reception a case summary without clinical detail: no admission type from the anaesthetic assessment, no notes, no reasons", async () => {
    const { caseId } = await caseAt(staff, "operated", { operatedDaysAgo: 2 });
    await as("surgeon");
    const clinical = (await (await callRoute("get", "/api/v1/cases/{id}", { id: caseId })).json()) as CaseDetail & {
      clinical: NonNullable<CaseDetail["clinical"]>;
    };
    // What the clinical record holds that a summary must not: every free text and the assessment's outcome.
    const secrets: string[] = [
      clinical.admission ?? "",
      clinical.clinical.listing?.notes ?? "",
      clinical.clinical.operation?.findings ?? "",
      clinical.clinical.operation?.dischargeAnalgesia ?? "",
      (clinical.clinical.symptoms as { triggers?: string }).triggers ?? "",
      ...clinical.clinical.imaging.map((i) => i.findings),
      ...clinical.history.flatMap((h) => (h.reason ? [h.reason] : [])),
    ];
    expect(secrets.filter((s) => !s)).toEqual([]);
    await as("reception");
    const summary = (await (await callRoute("get", "/api/v1/cases/{id}", { id: caseId })).json()) as Record<
      string,
      unknown
    >;
    expect(summary).not.toHaveProperty("admission");
    expect(summary.clinical).toBeNull();
    const text = JSON.stringify(summary);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const list = await (
      await callRoute(
        "get",
        "/api/v1/cases",
        {},
        `?patientId=${summary.patient && (summary.patient as { id: string }).id}`,
      )
    ).text();
    for (const secret of secrets) expect(list).not.toContain(secret);
  });

  it("shows the administrator appointment histories without their reasons, which can be clinical", async () => {
    const { caseId } = await caseAt(staff, "operated", { operatedDaysAgo: 2 });
    const booked = await bookAppointment(
      staff.nurse,
      { caseId, kind: "dressing", start: siteAt(0, 11).toISOString(), homeVisit: true },
      siteAt(0, 0),
    );
    const reason = "Wound breakdown: seen in clinic instead";
    await cancelAppointment(staff.nurse, booked.id, { reason });
    await as("nurse");
    expect(await (await callRoute("get", "/api/v1/appointments/{id}", { id: booked.id })).text()).toContain(reason);
    await as("admin");
    const one = await callRoute("get", "/api/v1/appointments/{id}", { id: booked.id });
    expect(one.status).toBe(200);
    const view = (await one.json()) as { history: Record<string, unknown>[] };
    expect(view.history.map((h) => h.action)).toEqual(["booked", "cancelled"]);
    for (const h of view.history) expect(h).not.toHaveProperty("reason");
    expect(await (await callRoute("get", "/api/v1/appointments", {}, `?caseId=${caseId}`)).text()).not.toContain(
      reason,
    );
  });

  it("acknowledges only an alert the case has: a made-up key is 404 and writes nothing (PO-4)", async () => {
    // Operated 8 days ago with no physiotherapy recorded: the PO-4 alert is raised.
    const { caseId, patientId } = await caseAt(staff, "operated", { operatedDaysAgo: 8 });
    const other = await caseAt(staff, "operated", { operatedDaysAgo: 2 });
    const board = await recoveryBoard(staff.surgeon);
    const alerts = board.items.find((i) => i.caseId === caseId)!.alerts;
    expect(alerts.map((a) => a.key)).toContain("physio");
    await as("surgeon");
    const audited = () => prisma.auditEvent.count({ where: { patientId, action: "alert.acknowledge" } });
    for (const [id, key] of [
      [caseId, "made-up"],
      [caseId, "infection:00000000-0000-0000-0000-000000000000"],
      [other.caseId, "physio"], // a real key, of another case that has no such alert
    ] as const) {
      const response = await callRoute("post", "/api/v1/cases/{id}/alert-acknowledgements", { id }, "", {
        keys: [key],
        note: "Seen",
      });
      expect(response.status, key).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("NOT_FOUND");
    }
    expect(await prisma.alertAcknowledgement.count({ where: { caseId: { in: [caseId, other.caseId] } } })).toBe(0);
    expect(await audited()).toBe(0);
    const acknowledged = await callRoute("post", "/api/v1/cases/{id}/alert-acknowledgements", { id: caseId }, "", {
      keys: ["physio"],
      note: "Physiotherapist called",
    });
    expect(acknowledged.status).toBe(201);
    expect(await prisma.alertAcknowledgement.count({ where: { caseId } })).toBe(1);
  });
});
