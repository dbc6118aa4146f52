// A booking, a move and a cancellation are each audited as what they are, once. The answer carries
// the appointment as the command's own transaction wrote it, so no read the user never made is
// added to the patient's audit trail.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createRooms } from "../setup/scheduling";
import { testDatabase } from "../setup/db";
import { siteAt } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
  await createRooms(prisma, team.reception, "consulting");
  await createRooms(prisma, team.reception, "theatre");
});

/** The audit rows naming the patient written while `run` ran. */
async function auditedWhile(patientId: string, run: () => Promise<Response>) {
  const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const response = await run();
  const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, patientId }, orderBy: { id: "asc" } });
  return { response, rows: rows.map((r) => ({ action: r.action, entity: r.entity, entityId: r.entityId })) };
}

async function book(actor: Actor, body: Record<string, unknown>) {
  await signInAs(prisma, actor);
  return callRoute("post", "/api/v1/appointments", {}, "", body);
}

describe("POST /api/v1/appointments", () => {
  it("writes exactly one audit row, the booking's, and answers the appointment as a read of it shows it", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const { response, rows } = await auditedWhile(patientId, () =>
      book(team.reception, { caseId, kind: "consultation", start: siteAt(4, 10).toISOString() }),
    );
    expect(response.status).toBe(201);
    const booked = await response.json();
    expect(rows).toEqual([{ action: "appointment.book", entity: "appointment", entityId: booked.id }]);
    const read = await callRoute("get", "/api/v1/appointments/{id}", { id: booked.id });
    expect(booked).toEqual(await read.json());
  });

  it("writes exactly one audit row for an arthroscopy that schedules the case, and answers the case's appointment (SX-4)", async () => {
    const { caseId, patientId } = await caseAt(team, "assessed");
    const { response, rows } = await auditedWhile(patientId, () =>
      book(team.reception, { caseId, kind: "arthroscopy", start: siteAt(9, 8).toISOString(), admission: "day_case" }),
    );
    expect(response.status).toBe(201);
    const booked = await response.json();
    expect(rows).toEqual([{ action: "appointment.book", entity: "appointment", entityId: booked.id }]);
    expect(booked).toMatchObject({ caseId, kind: "arthroscopy", admission: "day_case", status: "booked" });
    expect((await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("scheduled");
  });
});

describe("PATCH /api/v1/appointments/{id} and POST /api/v1/appointments/{id}/cancel", () => {
  it("writes exactly one audit row for a move and one for a cancellation, each answering the appointment as a read shows it (SC-4)", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const booked = await (
      await book(team.reception, { caseId, kind: "consultation", start: siteAt(5, 10).toISOString() })
    ).json();

    const moved = await auditedWhile(patientId, () =>
      callRoute("patch", "/api/v1/appointments/{id}", { id: booked.id }, "", {
        start: siteAt(5, 11).toISOString(),
        reason: "Patient asked for later",
      }),
    );
    expect(moved.response.status).toBe(200);
    const afterMove = await moved.response.json();
    expect(moved.rows).toEqual([{ action: "appointment.move", entity: "appointment", entityId: booked.id }]);
    expect(afterMove.start).toBe(siteAt(5, 11).toISOString());
    expect(afterMove).toEqual(await (await callRoute("get", "/api/v1/appointments/{id}", { id: booked.id })).json());

    const cancelled = await auditedWhile(patientId, () =>
      callRoute("post", "/api/v1/appointments/{id}/cancel", { id: booked.id }, "", { reason: "Patient unwell" }),
    );
    expect(cancelled.response.status).toBe(200);
    const afterCancel = await cancelled.response.json();
    expect(cancelled.rows).toEqual([{ action: "appointment.cancel", entity: "appointment", entityId: booked.id }]);
    expect(afterCancel.status).toBe("cancelled");
    expect(afterCancel).toEqual(await (await callRoute("get", "/api/v1/appointments/{id}", { id: booked.id })).json());
  });
});
