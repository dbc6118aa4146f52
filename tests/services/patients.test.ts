import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  classifySearch,
  findLikelyDuplicates,
  getPatient,
  registerPatient,
  searchPatients,
  updatePatient,
} from "@/lib/services/patients";
import { addDays, instantAt } from "@/lib/domain/time";
import { patientInput, patientPatch } from "@/lib/schemas/patient";
import { now, siteZone } from "../setup/clock";
import { createActor, testDatabase } from "../setup/db";
import { asAnswered } from "../setup/answered";

const prisma = testDatabase();
let reception: Actor;
// A family name no other test uses, so each search sees only this file's patients.
const family = `Ærøskøbing${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  reception = await createActor(prisma, "reception");
});

const register = (givenName: string, birthDate = "1984-03-12", familyName = family) =>
  registerPatient(reception, { givenName, familyName, birthDate, sex: "female", phone: null, email: null });

describe("patients", () => {
  it("generates a unique MRN and audits the registration in the same transaction", async () => {
    const a = await register("Hélène");
    const b = await register("Hélène");
    expect(a.mrn).toMatch(/^P\d{7}$/);
    expect(b.mrn).not.toBe(a.mrn);
    const audit = await prisma.auditEvent.findMany({ where: { patientId: a.id } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["patient.create", reception.id]]);
  });

  it("finds a patient by partial name, ignoring accents and case", async () => {
    const p = await register("Zoë", "1991-07-04");
    const lowerNoAccent = family
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    for (const q of ["zoe", "ZOË", `zo ${lowerNoAccent.slice(0, 6)}`, `${family} zoe`]) {
      const found = await searchPatients(reception, { q, limit: 100 });
      expect(
        found.items.map((x) => x.id),
        q,
      ).toContain(p.id);
    }
  });

  it("finds a patient by MRN and by birth date in either form", async () => {
    const p = await register("Margot", "1979-11-30");
    expect((await searchPatients(reception, { q: p.mrn.toLowerCase(), limit: 10 })).items.map((x) => x.id)).toEqual([
      p.id,
    ]);
    expect((await searchPatients(reception, { q: "1979-11-30", limit: 100 })).items.map((x) => x.id)).toContain(p.id);
    expect((await searchPatients(reception, { q: "30/11/1979", limit: 100 })).items.map((x) => x.id)).toContain(p.id);
  });

  it("pages through results with a cursor, without repeats", async () => {
    const pageFamily = `Paging${randomUUID().slice(0, 8)}`;
    for (const name of ["Ann", "Bea", "Cy", "Dee", "Eve"]) await register(name, "2000-01-01", pageFamily);
    const first = await searchPatients(reception, { q: pageFamily, limit: 2 });
    const second = await searchPatients(reception, { q: pageFamily, limit: 2, cursor: first.nextCursor! });
    const third = await searchPatients(reception, { q: pageFamily, limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((p) => p.givenName)).toEqual([
      "Ann",
      "Bea",
      "Cy",
      "Dee",
      "Eve",
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it("audits every patient a search returns", async () => {
    const p = await register("Ottilie", "1966-02-02");
    await searchPatients(reception, { q: "ottilie", limit: 10 });
    const reads = await prisma.auditEvent.findMany({
      where: { patientIds: { has: p.id }, action: "patient.search", actorId: reception.id },
    });
    expect(reads.map((r) => [r.patientIds, r.itemCount, r.patientId])).toEqual([[[p.id], 1, null]]);
  });

  it("shows likely duplicates: same birth date and a similar name", async () => {
    const p = await register("Siobhán", "1972-05-09");
    const similar = await findLikelyDuplicates(reception, {
      givenName: "Siobhan",
      familyName: family,
      birthDate: "1972-05-09",
      limit: 10,
    });
    expect(similar.items.map((x) => x.id)).toContain(p.id);
    const otherDay = await findLikelyDuplicates(reception, {
      givenName: "Siobhan",
      familyName: family,
      birthDate: "1972-05-10",
      limit: 10,
    });
    expect(otherDay.items.map((x) => x.id)).not.toContain(p.id);
    const otherName = await findLikelyDuplicates(reception, {
      givenName: "Xavier",
      familyName: "Quimby",
      birthDate: "1972-05-09",
      limit: 10,
    });
    expect(otherName.items.map((x) => x.id)).not.toContain(p.id);
  });

  it("edits demographics and audits the read and the change", async () => {
    const p = await register("Ines", "1988-08-08");
    const updated = await updatePatient(reception, p.id, { givenName: "Inès", phone: "07700 900999" });
    expect(updated).toMatchObject({ givenName: "Inès", phone: "07700 900999", mrn: p.mrn });
    await getPatient(reception, p.id);
    const actions = (await prisma.auditEvent.findMany({ where: { patientId: p.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["patient.create", "patient.update", "patient.read"]);
  });

  it("reports a missing patient as not found and writes nothing", async () => {
    const before = await prisma.auditEvent.count();
    await expect(asAnswered(getPatient(reception, randomUUID()))).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("reads the search box as a date, an MRN or a name", () => {
    expect(classifySearch("")).toEqual({ kind: "all" });
    expect(classifySearch("12/3/1984")).toEqual({ kind: "birthDate", date: "1984-03-12" });
    expect(classifySearch("p0001234")).toEqual({ kind: "mrn", mrn: "P0001234" });
    expect(classifySearch("  smith  jo ")).toEqual({ kind: "name", words: ["smith", "jo"] });
  });

  describe("at 00:30 BST, when London's date is a day ahead of UTC's", () => {
    // A summer day in London; at 00:30 there it is still the day before in UTC.
    const londonDay = "2026-07-16";
    const halfPastMidnight = instantAt(londonDay, 0, 30, siteZone);
    afterEach(() => vi.setSystemTime(now()));

    /** What POST /api/v1/patients does: the request's schema, then the service, both at the machine's clock. */
    const registerAsRequest = async (birthDate: string) => {
      const parsed = patientInput.safeParse({ givenName: "Born", familyName: family, birthDate, sex: "male" });
      if (!parsed.success) return { refused: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
      return registerPatient(reception, parsed.data);
    };

    it("registers a patient born today in London, and refuses tomorrow's date as in the future (400 birthDate)", async () => {
      vi.setSystemTime(halfPastMidnight);
      expect(halfPastMidnight.toISOString().slice(0, 10)).toBe(addDays(londonDay, -1));
      const born = await registerAsRequest(londonDay);
      expect(born).toMatchObject({ birthDate: londonDay });
      await expect(asAnswered(registerAsRequest(addDays(londonDay, 1)))).rejects.toMatchObject({
        status: 400,
        extra: { errors: [{ path: "birthDate", message: "Cannot be in the future" }] },
      });
    });

    it("corrects a birth date to today in London, and refuses tomorrow's without changing the record", async () => {
      const patient = await register("Corrected", "1990-01-01");
      vi.setSystemTime(halfPastMidnight);
      const patch = patientPatch.parse({ birthDate: londonDay });
      expect(await updatePatient(reception, patient.id, patch)).toMatchObject({ birthDate: londonDay });
      await expect(
        asAnswered(updatePatient(reception, patient.id, patientPatch.parse({ birthDate: addDays(londonDay, 1) }))),
      ).rejects.toMatchObject({ status: 400 });
      expect((await getPatient(reception, patient.id)).birthDate).toBe(londonDay);
    });
  });
});
