// POST /api/v1/appointments/{id}/attendance through its route handler: what each refusal answers
// (400 with the field, 401, 403, 404, 422 with the rule) and that nothing is written then; an
// Idempotency-Key repeat answers the first mark without a second audit row.
import { callRoute, call, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/services/appointments";
import { testDatabase } from "../setup/db";
import { siteAt } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
const path = "/api/v1/appointments/{id}/attendance";

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

let nextSlot = 0;
/** A home dressing `days` from today (its patient's D2), booked at the start of its day or of today, whichever is earlier. */
async function dressingOn(days: number) {
  const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 - days });
  const start = siteAt(days, 7, 0);
  start.setUTCMinutes(start.getUTCMinutes() + 20 * nextSlot++);
  const booked = await bookAppointment(
    team.nurse,
    { caseId, kind: "dressing", start: start.toISOString(), homeVisit: true },
    siteAt(Math.min(days, 0), 0),
  );
  return { caseId, appointmentId: booked.id };
}

const audited = (appointmentId: string) =>
  prisma.auditEvent.count({ where: { action: "appointment.attendance", entityId: appointmentId } });

describe("POST /api/v1/appointments/{id}/attendance", () => {
  it("answers 400 naming `outcome` for an outcome it does not know, and writes nothing", async () => {
    const { appointmentId } = await dressingOn(-1);
    await signInAs(prisma, team.reception);
    const response = await callRoute("post", path, { id: appointmentId }, "", { outcome: "late" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual(["outcome"]);
    expect(await audited(appointmentId)).toBe(0);
  });

  it("answers 401 signed out, 403 to a role that does not book that kind, 404 for an unknown appointment", async () => {
    const { appointmentId } = await dressingOn(-1);
    await signInAs(prisma, null);
    expect((await callRoute("post", path, { id: appointmentId }, "", { outcome: "arrived" })).status).toBe(401);
    await signInAs(prisma, team.physio);
    const refused = await callRoute("post", path, { id: appointmentId }, "", { outcome: "arrived" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("FORBIDDEN");
    await signInAs(prisma, team.reception);
    const unknown = await callRoute("post", path, { id: randomUUID() }, "", { outcome: "arrived" });
    expect(unknown.status).toBe(404);
    expect(await audited(appointmentId)).toBe(0);
  });

  it("answers 422 PW-1 before the appointment's day, with the rule's text, and writes nothing", async () => {
    const { appointmentId } = await dressingOn(1);
    await signInAs(prisma, team.reception);
    const response = await callRoute("post", path, { id: appointmentId }, "", { outcome: "did_not_attend" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "PW-1", rule: expect.any(String) });
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).attendance).toBeNull();
    expect(await audited(appointmentId)).toBe(0);
  });

  it("marks did not attend, and a repeat with the same Idempotency-Key answers the same without a second row", async () => {
    const { appointmentId } = await dressingOn(-1);
    await signInAs(prisma, team.reception);
    const send = () =>
      call("post", path, {
        params: { id: appointmentId },
        body: JSON.stringify({ outcome: "did_not_attend" }),
        headers: { "content-type": "application/json", "idempotency-key": `attendance-${appointmentId}` },
      });
    const first = await send();
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ id: appointmentId, attendance: "did_not_attend" });
    const repeat = await send();
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await repeat.json()).toEqual(body);
    expect(await audited(appointmentId)).toBe(1);
  });
});
