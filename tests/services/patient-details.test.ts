import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { classifySearch, getPatient, registerPatient, searchPatients, updatePatient } from "@/lib/services/patients";
import { patientInput, patientPatch } from "@/lib/schemas/patient";
import { createActor, testDatabase } from "../setup/db";
import { asAnswered } from "../setup/answered";
import { randomNhsNumber, spaced } from "../setup/nhs-number";

const prisma = testDatabase();
let reception: Actor;
const family = `Details${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  reception = await createActor(prisma, "reception");
});

/** A postcode no other test uses: outward code from a random district, inward code random. */
function randomPostcode(): string {
  const letters = "ABDEFGHJLNPQRSTUWXYZ";
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  return `ZZ${Math.floor(Math.random() * 90) + 10} ${Math.floor(Math.random() * 10)}${pick()}${pick()}`;
}

const fullDetails = (nhsNumber: string, postcode: string) =>
  patientInput.parse({
    givenName: "Ngozi",
    familyName: family,
    birthDate: "1975-04-30",
    sex: "female",
    phone: "07700 900123",
    email: "ngozi@example.org",
    nhsNumber: spaced(nhsNumber),
    address: { line1: "12 Mill Lane", line2: "Flat 3", town: "Leeds", postcode: postcode.toLowerCase() },
    gpPractice: { name: "Mill Lane Surgery", odsCode: "b86001" },
    nextOfKin: { name: "Chidi Okafor", relationship: "Husband", phone: "07700 900456" },
    preferredLanguage: "Igbo",
    interpreterNeeded: true,
    contact: { email: false, sms: true, post: true },
  });

describe("patient details a clinic needs", () => {
  it("registers a patient with address, NHS number, GP, next of kin, language and contact preferences, and reads them back", async () => {
    const nhs = randomNhsNumber();
    const postcode = randomPostcode();
    const created = await registerPatient(reception, fullDetails(nhs, postcode));
    expect(await getPatient(reception, created.id)).toMatchObject({
      nhsNumber: nhs,
      address: { line1: "12 Mill Lane", line2: "Flat 3", town: "Leeds", postcode },
      gpPractice: { name: "Mill Lane Surgery", odsCode: "B86001" },
      nextOfKin: { name: "Chidi Okafor", relationship: "Husband", phone: "07700 900456" },
      preferredLanguage: "Igbo",
      interpreterNeeded: true,
      contact: { email: false, sms: true, post: true },
    });
  });

  it("a patient registered with only the required fields has none of them, and consents to no channel", async () => {
    const created = await registerPatient(
      reception,
      patientInput.parse({ givenName: "Bare", familyName: family, birthDate: "1980-01-01", sex: "male" }),
    );
    expect(created).toMatchObject({
      nhsNumber: null,
      address: null,
      gpPractice: null,
      nextOfKin: null,
      preferredLanguage: null,
      interpreterNeeded: false,
      contact: { email: false, sms: false, post: false },
    });
  });

  it("refuses an NHS number another patient has: 409 naming the nhsNumber field, nothing written", async () => {
    const nhs = randomNhsNumber();
    const first = await registerPatient(reception, fullDetails(nhs, randomPostcode()));
    const before = await prisma.patient.count();
    await expect(asAnswered(registerPatient(reception, fullDetails(nhs, randomPostcode())))).rejects.toMatchObject({
      status: 409,
      code: "CONFLICT",
      extra: { errors: [{ path: "nhsNumber", message: "Another patient already has this NHS number" }] },
    });
    expect(await prisma.patient.count()).toBe(before);
    const other = await registerPatient(reception, fullDetails(randomNhsNumber(), randomPostcode()));
    await expect(
      asAnswered(updatePatient(reception, other.id, patientPatch.parse({ nhsNumber: nhs }))),
    ).rejects.toMatchObject({ status: 409, extra: { errors: [{ path: "nhsNumber" }] } });
    expect((await getPatient(reception, first.id)).nhsNumber).toBe(nhs);
  });

  it("edits the details, clears a section with null and leaves out what the patch does not name", async () => {
    const created = await registerPatient(reception, fullDetails(randomNhsNumber(), randomPostcode()));
    const updated = await updatePatient(
      reception,
      created.id,
      patientPatch.parse({ nextOfKin: null, contact: { email: true }, preferredLanguage: "" }),
    );
    expect(updated).toMatchObject({
      nextOfKin: null,
      preferredLanguage: null,
      contact: { email: true, sms: false, post: false },
      address: created.address,
      nhsNumber: created.nhsNumber,
    });
  });

  it("finds a patient by NHS number typed with or without spaces", async () => {
    const nhs = randomNhsNumber();
    const created = await registerPatient(reception, fullDetails(nhs, randomPostcode()));
    for (const q of [nhs, spaced(nhs), ` ${nhs.slice(0, 3)}-${nhs.slice(3, 6)}-${nhs.slice(6)} `]) {
      expect(
        (await searchPatients(reception, { q, limit: 10 })).items.map((p) => p.id),
        q,
      ).toEqual([created.id]);
    }
  });

  it("finds a patient by postcode, in any case and spacing, and by its outward code", async () => {
    const postcode = randomPostcode();
    const created = await registerPatient(reception, fullDetails(randomNhsNumber(), postcode));
    const [outward] = postcode.split(" ");
    for (const q of [postcode, postcode.toLowerCase().replace(" ", ""), outward!.toLowerCase()]) {
      expect(
        (await searchPatients(reception, { q, limit: 100 })).items.map((p) => p.id),
        q,
      ).toContain(created.id);
    }
    expect((await searchPatients(reception, { q: `${outward}X`, limit: 100 })).items.map((p) => p.id)).not.toContain(
      created.id,
    );
  });

  it("reads ten digits as an NHS number, and a postcode or its outward code as such, before a name", () => {
    expect(classifySearch("943 476 5919")).toEqual({ kind: "nhsNumber", nhsNumber: "9434765919" });
    expect(classifySearch("9434765919")).toEqual({ kind: "nhsNumber", nhsNumber: "9434765919" });
    expect(classifySearch("ls6 2ab")).toEqual({ kind: "postcode", postcode: "LS6 2AB" });
    expect(classifySearch("LS62AB")).toEqual({ kind: "postcode", postcode: "LS6 2AB" });
    expect(classifySearch("ls6")).toEqual({ kind: "outwardCode", outwardCode: "LS6" });
    expect(classifySearch("o'brien")).toEqual({ kind: "name", words: ["o'brien"] });
  });

  it("searches by NHS number and by postcode through an index, never a scan of every patient", async () => {
    // With sequential scans priced out, a plan without a usable index would still show a Seq Scan.
    const plans = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const plan = async (sql: string, value: string) =>
        (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, value))
          .map((row) => row["QUERY PLAN"])
          .join("\n");
      return {
        nhs: await plan("SELECT id FROM patient WHERE nhs_number = $1", "9434765919"),
        postcode: await plan("SELECT id FROM patient WHERE postcode = $1", "LS6 2AB"),
        outward: await plan("SELECT id FROM patient WHERE postcode LIKE $1", "LS6 %"),
      };
    });
    expect(plans.nhs).toMatch(/Index (Only )?Scan using patient_nhs_number_key/);
    expect(plans.postcode).toMatch(/patient_postcode_idx/);
    expect(plans.outward).toMatch(/patient_postcode_idx/);
    for (const plan of Object.values(plans)) expect(plan).not.toMatch(/Seq Scan/);
  });
});
