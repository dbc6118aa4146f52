// The administrator's audit browser: "who opened this patient's record", with the staff member's
// name, the patient's name and MRN, and the action in plain words; looking is itself audited.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { browseAuditTrail, listAuditEvents } from "@/lib/services/audit-trail";
import { getPatient, registerPatient } from "@/lib/services/patients";
import { describeAuditAction } from "@/lib/domain/audit-actions";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
let reception: Actor;
let surgeon: Actor;
let admin: Actor;

beforeAll(async () => {
  reception = await createActor(prisma, "reception");
  surgeon = await createActor(prisma, "surgeon");
  admin = await createActor(prisma, "admin");
});

const newPatient = () =>
  registerPatient(reception, {
    givenName: "Iolanthe",
    familyName: `Audited${randomUUID().slice(0, 6)}`,
    birthDate: "1970-02-03",
    sex: "female",
  });

describe("the audit browser", () => {
  it("names the staff member, the patient and its MRN, and says the action in plain words", async () => {
    const patient = await newPatient();
    await getPatient(surgeon, patient.id);
    const { items } = await listAuditEvents({ patientId: patient.id, limit: 10 });
    expect(items.map((e) => [e.actorName, e.description, e.patientName, e.patientMrn])).toEqual([
      [surgeon.name, "opened the patient record", `${patient.familyName.toUpperCase()}, Iolanthe`, patient.mrn],
      [reception.name, "registered the patient", `${patient.familyName.toUpperCase()}, Iolanthe`, patient.mrn],
    ]);
  });

  it("finds who opened a patient's record by staff member and by MRN together", async () => {
    const patient = await newPatient();
    await getPatient(surgeon, patient.id);
    await getPatient(reception, patient.id);
    const { items } = await listAuditEvents({ mrn: patient.mrn.toLowerCase(), actorId: surgeon.id, limit: 10 });
    expect(items.map((e) => [e.actorId, e.action])).toEqual([[surgeon.id, "patient.read"]]);
  });

  it("says a list read's action with how many items it showed, and an unknown action readably", () => {
    expect(describeAuditAction("patient.search", 3)).toBe("searched for patients (3 shown)");
    expect(describeAuditAction("attendance.record", null)).toBe("attendance record");
  });

  it("looking at a patient's events is itself audited: one row naming the patients whose names were shown", async () => {
    const patient = await newPatient();
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await browseAuditTrail(admin, { patientId: patient.id, limit: 10 });
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: admin.id } });
    expect(rows.map((r) => [r.action, r.patientIds])).toEqual([["audit.read", [patient.id]]]);
  });
});
