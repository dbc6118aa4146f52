// GET /fhir/R4/Practitioner and /fhir/R4/PractitionerRole (read and search) through the route
// handlers: every answer is valid FHIR R4 (tests/setup/fhir.ts), read by every role as the
// /api/v1 staff list is, and not audited (staff are not patient data).
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, CapabilityStatement, OperationOutcome, Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/policy";
import { staffRoleSystem } from "@/lib/fhir/practitioner-role";
import { system } from "@/lib/fhir/terminology";
import { testDatabase } from "../setup/db";
import { createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let siteId: string;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
  ({ siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: team.reception.id } }));
});

/** A word of letters no other test uses (names split only when made of letters). */
const uniqueWord = () =>
  `Fhir${[...randomUUID().replace(/-/g, "").slice(0, 8)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("")}`;

const clock = (time: string) => new Date(`1970-01-01T${time}:00Z`);

/** A staff member on the team's site with `hours` ([ISO weekday, start, end]). */
async function staffMember(
  name: string,
  role: Role,
  options: { active?: boolean; hours?: [number, string, string][] } = {},
) {
  return prisma.staff.create({
    data: {
      siteId,
      name,
      role,
      email: `fhir-${randomUUID()}@test.clinic`,
      passwordHash: "x",
      active: options.active ?? true,
      workingHours: {
        create: (options.hours ?? []).map(([weekday, from, to]) => ({
          weekday,
          startsAt: clock(from),
          endsAt: clock(to),
        })),
      },
    },
  });
}

/** Every resource a search finds, following next links page by page. */
async function allPages<T extends Practitioner | PractitionerRole>(query: string): Promise<T[][]> {
  const pages: T[][] = [];
  let next: string | undefined = query;
  while (next) {
    if (pages.length > 50) throw new Error(`Still paging after 50 pages: ${query}`);
    const { status, body }: { status: number; body: Bundle } = await fhirGet<Bundle>(next);
    expect(status).toBe(200);
    pages.push(entriesOf<T>(body));
    const link: string | undefined = body.link?.find((l) => l.relation === "next")?.url;
    next = link ? relativeOf(link) : undefined;
  }
  return pages;
}

const auditRowsBy = (actorId: string) => prisma.auditEvent.count({ where: { actorId } });

describe("Practitioner read", () => {
  it("answers a staff member with a safely split name and active, without the sign-in email, and writes no audit row", async () => {
    const family = uniqueWord();
    const member = await staffMember(`Ms Odile ${family}`, "surgeon");
    await signInAs(prisma, team.nurse);
    const before = await auditRowsBy(team.nurse.id);
    const { status, body } = await fhirGet<Practitioner>(`Practitioner/${member.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      resourceType: "Practitioner",
      id: member.id,
      active: true,
      name: [{ text: `Ms Odile ${family}`, family, given: ["Odile"], prefix: ["Ms"] }],
    });
    expect(JSON.stringify(body)).not.toContain(member.email);
    expect(await auditRowsBy(team.nurse.id)).toBe(before);
  });

  it("sends a name that does not split safely as text alone", async () => {
    for (const name of [`Nurse Grace ${uniqueWord()}`, `Ludwig van ${uniqueWord()}`, uniqueWord(), "Ravi Shah 2"]) {
      const member = await staffMember(name, "nurse");
      await signInAs(prisma, team.reception);
      const { body } = await fhirGet<Practitioner>(`Practitioner/${member.id}`);
      expect(body.name, name).toEqual([{ use: "usual", text: name }]);
    }
  });

  it("answers reception and admin staff too, an inactive one with active false", async () => {
    const { staff } = await createClinic(prisma);
    await prisma.staff.update({ where: { id: staff.reception.id }, data: { active: false } });
    await signInAs(prisma, staff.admin);
    const reception = await fhirGet<Practitioner>(`Practitioner/${staff.reception.id}`);
    expect(reception.status).toBe(200);
    expect(reception.body.active).toBe(false);
    const admin = await fhirGet<Practitioner>(`Practitioner/${staff.admin.id}`);
    expect(admin.body).toMatchObject({ id: staff.admin.id, active: true });
  });

  it("answers 404 OperationOutcome for an unknown id, 401 without a session", async () => {
    await signInAs(prisma, team.physio);
    for (const path of [`Practitioner/${randomUUID()}`, `PractitionerRole/${randomUUID()}`, "Practitioner/x1"]) {
      const { status, body } = await fhirGet<OperationOutcome>(path);
      expect(status, path).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
    await signInAs(prisma, null);
    expect((await fhirGet<OperationOutcome>(`Practitioner/${team.surgeon.id}`)).status).toBe(401);
  });
});

describe("Practitioner search", () => {
  it("finds by the start of a word of the name, accents ignored, paging in name order through next links", async () => {
    const family = uniqueWord();
    const members = [
      await staffMember(`Dr Ana ${family}`, "anaesthetist"),
      await staffMember(`Bea ${family}`, "reception"),
      await staffMember(`Mr Léo ${family}`, "admin"),
    ];
    await signInAs(prisma, team.reception);
    const pages = await allPages<Practitioner>(`Practitioner?name=${family.slice(0, 10).toLowerCase()}&_count=2`);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((p) => p.id)).toEqual(
      [...members].sort((a, b) => (a.name < b.name ? -1 : 1)).map((m) => m.id),
    );
    const accent = await fhirGet<Bundle>(`Practitioner?name=${encodeURIComponent(`leo ${family}`)}`);
    expect(entriesOf(accent.body).map((p) => p.id)).toEqual([members[2]!.id]);
    const middle = await fhirGet<Bundle>(`Practitioner?name=${family.slice(2)}`);
    expect(entriesOf(middle.body)).toEqual([]);
  });

  it("includes inactive staff unless active is given", async () => {
    const family = uniqueWord();
    const active = await staffMember(`Cy ${family}`, "physio");
    const inactive = await staffMember(`Di ${family}`, "physio", { active: false });
    await signInAs(prisma, team.surgeon);
    const ids = async (query: string) =>
      entriesOf<Practitioner>((await fhirGet<Bundle>(`Practitioner?name=${family}${query}`)).body).map((p) => p.id);
    expect(await ids("")).toEqual([active.id, inactive.id]);
    expect(await ids("&active=true")).toEqual([active.id]);
    expect(await ids("&active=false")).toEqual([inactive.id]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or value", async () => {
    await signInAs(prisma, team.reception);
    await expectRefusedSearches("Practitioner?", [
      ["family=Hart", "family"],
      ["name:exact=Hart", "name:exact"],
      ["active=yes", "active"],
      ["active=urn:other|true", "active"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});

describe("PractitionerRole read", () => {
  it("answers the role's codes, and not the working hours, which /api/v1 shows the administrator only", async () => {
    const member = await staffMember(`Mr Tom ${uniqueWord()}`, "surgeon", {
      hours: [
        [1, "08:00", "18:00"],
        [2, "08:00", "18:00"],
        [3, "08:00", "12:30"],
        [3, "13:30", "18:00"],
        [6, "09:00", "13:00"],
      ],
    });
    await signInAs(prisma, team.anaesthetist);
    const before = await auditRowsBy(team.anaesthetist.id);
    const { status, body } = await fhirGet<PractitionerRole>(`PractitionerRole/${member.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: member.id,
      active: true,
      practitioner: { reference: `Practitioner/${member.id}`, display: member.name },
      code: [
        { coding: [{ system: system.practitionerRole, code: "doctor" }] },
        {
          coding: [
            { system: system.snomed, code: "304292004" },
            { system: staffRoleSystem, code: "surgeon" },
          ],
          text: "Surgeon",
        },
      ],
    });
    expect(body.availableTime).toBeUndefined();
    expect(body.location).toBeUndefined();
    expect(await auditRowsBy(team.anaesthetist.id)).toBe(before);
  });

  it("gives reception only the local role code", async () => {
    const member = await staffMember(`Eve ${uniqueWord()}`, "reception", { active: false });
    await signInAs(prisma, team.reception);
    const { body } = await fhirGet<PractitionerRole>(`PractitionerRole/${member.id}`);
    expect(body.active).toBe(false);
    expect(body.code).toEqual([
      {
        coding: [{ system: staffRoleSystem, code: "reception", display: "Receptionist" }],
        text: "Receptionist",
      },
    ]);
    expect(body.availableTime).toBeUndefined();
  });
});

describe("PractitionerRole search", () => {
  it("finds the role of a practitioner by id or Practitioner/<id>", async () => {
    await signInAs(prisma, team.nurse);
    for (const value of [team.physio.id, `Practitioner/${team.physio.id}`]) {
      const { status, body } = await fhirGet<Bundle>(`PractitionerRole?practitioner=${encodeURIComponent(value)}`);
      expect(status).toBe(200);
      expect(entriesOf<PractitionerRole>(body).map((r) => r.id)).toEqual([team.physio.id]);
    }
    const unknown = await fhirGet<Bundle>(`PractitionerRole?practitioner=${randomUUID()}`);
    expect(entriesOf(unknown.body)).toEqual([]);
  });

  it("finds by role in the HL7, SNOMED CT and local systems or without one", async () => {
    await signInAs(prisma, team.reception);
    const found = async (role: string, who: { id: string }) =>
      entriesOf(
        (await fhirGet<Bundle>(`PractitionerRole?role=${encodeURIComponent(role)}&practitioner=${who.id}`)).body,
      ).length === 1;
    expect(await found(`${system.practitionerRole}|doctor`, team.surgeon)).toBe(true);
    expect(await found(`${system.practitionerRole}|doctor`, team.anaesthetist)).toBe(true);
    expect(await found(`${system.practitionerRole}|doctor`, team.nurse)).toBe(false);
    expect(await found("nurse", team.nurse)).toBe(true);
    expect(await found(`${system.snomed}|36682004`, team.physio)).toBe(true);
    expect(await found(`${staffRoleSystem}|anaesthetist`, team.anaesthetist)).toBe(true);
    expect(await found(`${staffRoleSystem}|surgeon`, team.anaesthetist)).toBe(false);
    expect(await found("urn:other|doctor", team.surgeon)).toBe(false);
    expect(await found("pharmacist", team.surgeon)).toBe(false);
  });

  it("pages every role of a kind through next links, each once, inactive ones unless active=true", async () => {
    const physios = [
      await staffMember(`Fay ${uniqueWord()}`, "physio"),
      await staffMember(`Gus ${uniqueWord()}`, "physio", { active: false }),
    ];
    await signInAs(prisma, team.surgeon);
    const pages = await allPages<PractitionerRole>(`PractitionerRole?role=${staffRoleSystem}|physio&_count=2`);
    const ids = pages.flat().map((r) => r.id);
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([team.physio.id, ...physios.map((p) => p.id)]));
    const active = (await allPages<PractitionerRole>(`PractitionerRole?role=physio&active=true&_count=100`)).flat();
    expect(active.every((r) => r.active)).toBe(true);
    expect(active.map((r) => r.id)).not.toContain(physios[1]!.id);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or value", async () => {
    await signInAs(prisma, team.reception);
    await expectRefusedSearches("PractitionerRole?", [
      ["specialty=x", "specialty"],
      [`practitioner=Patient/${randomUUID()}`, "practitioner"],
      ["practitioner=x", "practitioner"],
      ["role=a|b|c", "role"],
      ["role=doctor,nurse", "role"],
      ["active=1", "active"],
    ]);
  });
});

describe("Practitioner in the CapabilityStatement", () => {
  it("lists Practitioner, PractitionerRole and Location with their search parameters and the unconfirmed codes", async () => {
    const { body } = await fhirGet<CapabilityStatement>("metadata");
    const served = Object.fromEntries(
      body.rest![0]!.resource!.map((r) => [r.type, (r.searchParam ?? []).map((p) => p.name)]),
    );
    expect(served).toMatchObject({
      Practitioner: ["name", "active"],
      PractitionerRole: ["practitioner", "role", "active"],
      Location: ["name", "type", "status"],
    });
    expect(body.description).toContain("Location.type");
  });
});
