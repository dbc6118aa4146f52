// The audit trail's CSV export: a header, one line per event in plain words, fields escaped so a
// name with a comma, a quote or a line break stays one field; admin only; every export audited.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getPatient } from "@/lib/services/patients";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
let admin: Actor;
let reception: Actor;
let patient: { id: string; mrn: string; familyName: string };

beforeAll(async () => {
  admin = await createActor(prisma, "admin");
  reception = await createActor(prisma, "reception");
  // A name as awkward as CSV gets: a comma, a quote, and a line break in the given name.
  patient = await prisma.patient.create({
    data: {
      givenName: "Mary\nAnn",
      familyName: `O"Hara, ${randomUUID().slice(0, 6)}`,
      birthDate: new Date("1960-06-01T00:00:00Z"),
      sex: "female",
    },
  });
  await getPatient(reception, patient.id);
});

const exportOf = (query: string) => callRoute("get", "/api/v1/audit-events.csv", {}, query);

describe("audit trail CSV export", () => {
  it("answers a CSV attachment with a header row and one escaped line per event, newest first", async () => {
    await signInAs(prisma, admin);
    const response = await exportOf(`?patientId=${patient.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="audit-trail.csv"');
    const text = await response.text();
    const name = `"${patient.familyName.toUpperCase().replace(/"/g, '""')}, Mary\nAnn"`;
    const lines = text.split(/\r\n(?=[^\n]*)/);
    expect(lines[0]).toBe("When (UTC),Staff member,Action,Patient,MRN,Patients shown,Record,Record id");
    // The export's own row comes first (newest): it is written before the file.
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^,]+Z,Test admin,exported the audit trail as CSV,`));
    expect(text).toContain(
      `,Test reception,opened the patient record,${name},${patient.mrn},1,patient,${patient.id}\r\n`,
    );
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("records every export as one audit.export row with its filter, naming the patient", async () => {
    await signInAs(prisma, admin);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await (await exportOf(`?mrn=${patient.mrn}&actorId=${reception.id}`)).text();
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: admin.id } });
    expect(rows.map((r) => [r.action, r.patientIds, r.detail])).toEqual([
      [
        "audit.export",
        [patient.id],
        { patientId: null, mrn: patient.mrn, actorId: reception.id, from: null, to: null },
      ],
    ]);
  });

  it("is the administrator's only: 403 for reception, and a bad filter is a 400 at its field", async () => {
    await signInAs(prisma, reception);
    expect((await exportOf("")).status).toBe(403);
    await signInAs(prisma, admin);
    const refused = await exportOf("?mrn=12345");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["mrn"]);
  });
});

describe("audit trail CSV export of an unknown patient", () => {
  it("answers an empty file (header only), audited without naming a patient, never a 500", async () => {
    await signInAs(prisma, admin);
    const response = await exportOf(`?patientId=${randomUUID()}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      "When (UTC),Staff member,Action,Patient,MRN,Patients shown,Record,Record id\r\n",
    );
  });
});
