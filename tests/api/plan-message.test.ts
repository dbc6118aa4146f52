// POST /api/v1/cases/{id}/plan-message through the route handler: staff who book the
// post-operative series (and reception) send the patient the recovery plan again (SX-6); before
// the operation there is no plan to send (PW-3); each send is audited.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic } from "../setup/pathway";

const prisma = testDatabase();
let staff: Record<Role, Actor>;
const path = "/api/v1/cases/{id}/plan-message";

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
});

/** A case at `stage` whose patient consents to email and text messages. */
async function caseOf(stage: "assessed" | "operated") {
  const { caseId, patientId } = await caseAt(staff, stage, { operatedDaysAgo: 1 });
  await prisma.patient.update({
    where: { id: patientId },
    data: {
      email: `plan-${randomUUID()}@example.org`,
      phone: "07700 900789",
      contactByEmail: true,
      contactBySms: true,
    },
  });
  return { caseId, patientId };
}

const sends = (caseId: string) =>
  prisma.auditEvent.count({ where: { action: "case.plan_message.send", entityId: caseId } });

describe("sending the recovery plan again (SX-6)", () => {
  it("answers 202 with a message per consented channel to reception, surgeon, nurse and physiotherapist, and audits each send", async () => {
    const { caseId, patientId } = await caseOf("operated");
    for (const role of ["reception", "surgeon", "nurse", "physio"] as const) {
      await signInAs(prisma, staff[role]);
      const response = await callRoute("POST", path, { id: caseId });
      expect(response.status, await response.clone().text()).toBe(202);
      const body = (await response.json()) as { messages: { id: string; channel: string }[] };
      expect(body.messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    }
    expect(await sends(caseId)).toBe(4);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "case.plan_message.send", entityId: caseId, actorId: staff.physio.id },
    });
    expect(audit.patientId).toBe(patientId);
    // Each send replaced the one still waiting: one of each channel is left to go.
    const queued = await prisma.message.findMany({ where: { patientId, status: "queued" } });
    expect(queued.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
  });

  it("refuses the anaesthetist and the administrator (403) and queues nothing", async () => {
    const { caseId, patientId } = await caseOf("operated");
    for (const role of ["anaesthetist", "admin"] as const) {
      await signInAs(prisma, staff[role]);
      const response = await callRoute("POST", path, { id: caseId });
      expect(response.status).toBe(403);
    }
    expect(await prisma.message.count({ where: { patientId } })).toBe(0);
    expect(await sends(caseId)).toBe(0);
  });

  it("answers 422 PW-3 before the operation is recorded, queues nothing and audits no send", async () => {
    const { caseId, patientId } = await caseOf("assessed");
    await signInAs(prisma, staff.surgeon);
    const response = await callRoute("POST", path, { id: caseId });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "PW-3" });
    expect(await prisma.message.count({ where: { patientId } })).toBe(0);
    expect(await sends(caseId)).toBe(0);
  });

  it("answers 404 for an unknown case and 400 at `id` for one that is not an id", async () => {
    await signInAs(prisma, staff.reception);
    expect((await callRoute("POST", path, { id: randomUUID() })).status).toBe(404);
    const bad = await callRoute("POST", path, { id: "nope" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe("id");
  });
});
