// GET /fhir/R4/Location (read and search) through the route handlers: every answer is valid FHIR
// R4 (tests/setup/fhir.ts), read by every role as the /api/v1 room list is, and not audited
// (rooms are not patient data).
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, Location, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomKind } from "@/lib/domain/vocabulary";
import { roomKindSystem } from "@/lib/fhir/location";
import { system } from "@/lib/fhir/terminology";
import { testDatabase } from "../setup/db";
import { createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: { id: string };
let siteId: string;

beforeAll(async () => {
  const clinic = await createClinic(prisma);
  ({ team } = clinic);
  admin = clinic.staff.admin;
  ({ siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: team.reception.id } }));
});

/** A word no other test uses. */
const uniqueWord = () => `Fhirroom${randomUUID().slice(0, 8)}`;
const clock = (time: string) => new Date(`1970-01-01T${time}:00Z`);

/** A room on the team's site, open `hours` ([ISO weekday, start, end]). */
async function room(
  name: string,
  kind: RoomKind,
  options: { active?: boolean; hours?: [number, string, string][] } = {},
) {
  return prisma.room.create({
    data: {
      siteId,
      name,
      kind,
      active: options.active ?? true,
      hours: {
        create: (options.hours ?? []).map(([weekday, from, to]) => ({
          weekday,
          startsAt: clock(from),
          endsAt: clock(to),
        })),
      },
    },
  });
}

const ids = async (query: string) =>
  entriesOf<Location>((await fhirGet<Bundle>(`Location?${query}`)).body).map((l) => l.id);

describe("Location read", () => {
  it("answers a room with its name, status, physical type Room, kind and opening hours, and writes no audit row", async () => {
    const theatre = await room(`Theatre ${uniqueWord()}`, "theatre", {
      hours: [1, 2, 3, 4, 5].map((d) => [d, "08:00", "18:00"] as [number, string, string]),
    });
    await signInAs(prisma, team.physio);
    const before = await prisma.auditEvent.count({ where: { actorId: team.physio.id } });
    const { status, body } = await fhirGet<Location>(`Location/${theatre.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      resourceType: "Location",
      id: theatre.id,
      name: theatre.name,
      status: "active",
      mode: "instance",
      physicalType: { coding: [{ system: system.locationPhysicalType, code: "ro" }] },
      type: [{ coding: [{ system: roomKindSystem, code: "theatre" }], text: "Operating theatre" }],
    });
    // Opening hours are the administrator's to read in /api/v1: not here, for any role.
    expect(body.hoursOfOperation).toBeUndefined();
    expect(await prisma.auditEvent.count({ where: { actorId: team.physio.id } })).toBe(before);
  });

  it("answers an inactive room with status inactive, to every role", async () => {
    const closed = await room(`Closed ${uniqueWord()}`, "imaging", { active: false });
    for (const actor of [team.reception, admin as typeof team.reception, team.nurse]) {
      await signInAs(prisma, actor);
      const { status, body } = await fhirGet<Location>(`Location/${closed.id}`);
      expect(status).toBe(200);
      expect(body.status).toBe("inactive");
      expect(body.hoursOfOperation).toBeUndefined();
    }
  });

  it("answers 404 OperationOutcome for an unknown id, 401 without a session", async () => {
    await signInAs(prisma, team.reception);
    for (const id of [randomUUID(), "room-1"]) {
      const { status, body } = await fhirGet<OperationOutcome>(`Location/${id}`);
      expect(status).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
    await signInAs(prisma, null);
    expect((await fhirGet<OperationOutcome>(`Location/${randomUUID()}`)).status).toBe(401);
  });
});

describe("Location search", () => {
  it("finds by the start of a word of the name and pages in name order through next links", async () => {
    const word = uniqueWord();
    const rooms = [
      await room(`Consulting ${word} A`, "consulting"),
      await room(`Consulting ${word} B`, "consulting"),
      await room(`Dressing ${word}`, "dressing"),
    ];
    await signInAs(prisma, team.surgeon);
    const found: string[] = [];
    let next: string | undefined = `Location?name=${word.toLowerCase()}&_count=2`;
    const sizes: number[] = [];
    while (next && sizes.length < 5) {
      const { body }: { body: Bundle } = await fhirGet<Bundle>(next);
      sizes.push(entriesOf(body).length);
      found.push(...entriesOf<Location>(body).map((l) => l.id!));
      const link: string | undefined = body.link?.find((l) => l.relation === "next")?.url;
      next = link ? relativeOf(link) : undefined;
    }
    expect(sizes).toEqual([2, 1]);
    expect(found).toEqual(rooms.map((r) => r.id));
    expect(await ids(`name=${encodeURIComponent(`dress ${word}`)}`)).toEqual([rooms[2]!.id]);
    expect(await ids(`name=${word.slice(3)}`)).toEqual([]);
  });

  it("finds by the room's kind, with the local system or none; another system or kind finds nothing", async () => {
    const word = uniqueWord();
    const theatre = await room(`Theatre ${word}`, "theatre");
    await room(`Physio ${word}`, "physio");
    await signInAs(prisma, team.reception);
    expect(await ids(`name=${word}&type=theatre`)).toEqual([theatre.id]);
    expect(await ids(`name=${word}&type=${encodeURIComponent(`${roomKindSystem}|theatre`)}`)).toEqual([theatre.id]);
    expect(await ids(`name=${word}&type=${encodeURIComponent("urn:other|theatre")}`)).toEqual([]);
    expect(await ids(`name=${word}&type=ward`)).toEqual([]);
  });

  it("includes inactive rooms unless status is given", async () => {
    const word = uniqueWord();
    const open = await room(`Open ${word}`, "dressing");
    const closed = await room(`Shut ${word}`, "dressing", { active: false });
    await signInAs(prisma, team.nurse);
    expect(await ids(`name=${word}`)).toEqual([open.id, closed.id]);
    expect(await ids(`name=${word}&status=active`)).toEqual([open.id]);
    expect(await ids(`name=${word}&status=inactive`)).toEqual([closed.id]);
    expect(await ids(`name=${word}&status=suspended`)).toEqual([]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or value", async () => {
    await signInAs(prisma, team.reception);
    await expectRefusedSearches("Location?", [
      ["address-city=London", "address-city"],
      ["name:contains=x", "name:contains"],
      ["status=closed", "status"],
      ["type=theatre,dressing", "type"],
      ["type=a|b|c", "type"],
      ["_count=500", "_count"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});
