// The administrator's staff pages through the HTTP edge: leave over a range with its clashes
// (SC-2), removing leave, and editing accounts (AC-1). Bad input is a 400 naming the field, other
// roles get 403, rules a 422; nothing is written on a refusal.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/services/appointments";
import { dayFromToday, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms, createStaff } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
  await createRooms(prisma, team.reception, "consulting");
});

const exceptions = "/api/v1/staff/{id}/hour-exceptions";
const newSurgeon = async () => (await createStaff(prisma, team.reception, "surgeon", 1))[0]!;

describe("POST /api/v1/staff/{id}/hour-exceptions", () => {
  it("refuses a half day that ends before it starts, and a range that ends before it starts, with 400 naming the field", async () => {
    const surgeon = await newSurgeon();
    await signInAs(prisma, admin);
    const backwards = await callRoute("post", exceptions, { id: surgeon.id }, "", {
      onDate: dayFromToday(10),
      startsAt: "15:00",
      endsAt: "09:00",
      reason: "Half day",
    });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toEqual([{ path: "endsAt", message: expect.any(String) }]);
    const range = await callRoute("post", exceptions, { id: surgeon.id }, "", {
      onDate: dayFromToday(10),
      untilDate: dayFromToday(9),
      reason: "Leave",
    });
    expect(range.status).toBe(400);
    expect((await range.json()).errors).toEqual([{ path: "untilDate", message: expect.any(String) }]);
    expect(await prisma.workingHoursException.count({ where: { staffId: surgeon.id } })).toBe(0);
  });

  it("refuses leave that clashes with a booking with 422 SC-2 listing the booking, until it is confirmed", async () => {
    const surgeon = await newSurgeon();
    const { caseId } = await caseAt(team, "referred");
    const booked = await bookAppointment(team.reception, {
      caseId,
      kind: "consultation",
      start: siteAt(12, 10).toISOString(),
      clinicianId: surgeon.id,
    });
    await signInAs(prisma, admin);
    const leave = { onDate: dayFromToday(12), untilDate: dayFromToday(13), reason: "Leave" };
    const preview = await callRoute(
      "get",
      `${exceptions}/clashes`,
      { id: surgeon.id },
      `onDate=${leave.onDate}&untilDate=${leave.untilDate}`,
    );
    expect(preview.status).toBe(200);
    expect((await preview.json()).clashes).toEqual([
      expect.objectContaining({ appointmentId: booked.id, kind: "consultation" }),
    ]);
    const refused = await callRoute("post", exceptions, { id: surgeon.id }, "", leave);
    expect(refused.status).toBe(422);
    const problem = await refused.json();
    expect(problem.code).toBe("SC-2");
    expect(problem.clashes).toEqual([expect.objectContaining({ appointmentId: booked.id })]);
    expect(await prisma.workingHoursException.count({ where: { staffId: surgeon.id } })).toBe(0);
    const saved = await callRoute("post", exceptions, { id: surgeon.id }, "", { ...leave, acceptClashes: true });
    expect(saved.status).toBe(200);
    expect((await saved.json()).exceptions).toHaveLength(2);
  });

  it("lets only the administrator see clashes and remove leave (403 for reception, nothing removed)", async () => {
    const surgeon = await newSurgeon();
    await signInAs(prisma, admin);
    expect(
      (await callRoute("post", exceptions, { id: surgeon.id }, "", { onDate: dayFromToday(15), reason: "Off" })).status,
    ).toBe(200);
    await signInAs(prisma, team.reception);
    expect(
      (await callRoute("get", `${exceptions}/clashes`, { id: surgeon.id }, `onDate=${dayFromToday(15)}`)).status,
    ).toBe(403);
    expect((await callRoute("delete", exceptions, { id: surgeon.id }, `onDate=${dayFromToday(15)}`)).status).toBe(403);
    expect(await prisma.workingHoursException.count({ where: { staffId: surgeon.id } })).toBe(1);

    await signInAs(prisma, admin);
    const bad = await callRoute("delete", exceptions, { id: surgeon.id }, "onDate=tomorrow");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([{ path: "onDate", message: expect.any(String) }]);
    const removed = await callRoute("delete", exceptions, { id: surgeon.id }, `onDate=${dayFromToday(15)}`);
    expect(removed.status).toBe(200);
    expect((await removed.json()).exceptions).toEqual([]);
  });
});

describe("PATCH /api/v1/staff/{id}", () => {
  it("renames a colleague and changes their role; refuses one's own role with 422 AC-1 and an unknown role with 400", async () => {
    const surgeon = await newSurgeon();
    await signInAs(prisma, admin);
    const edited = await callRoute("patch", "/api/v1/staff/{id}", { id: surgeon.id }, "", {
      name: "Ms Priya Nair",
      role: "anaesthetist",
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ name: "Ms Priya Nair", role: "anaesthetist" });
    const own = await callRoute("patch", "/api/v1/staff/{id}", { id: admin.id }, "", { role: "surgeon" });
    expect(own.status).toBe(422);
    expect((await own.json()).code).toBe("AC-1");
    const unknown = await callRoute("patch", "/api/v1/staff/{id}", { id: surgeon.id }, "", { role: "porter" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([{ path: "role", message: expect.any(String) }]);
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});

describe("POST /api/v1/staff/{id}/password-links", () => {
  it("resets a password by link: the administrator gets the link to hand on, older links stop working, the reset is audited; reception gets 403 (AC-2)", async () => {
    const surgeon = await newSurgeon();
    await signInAs(prisma, admin);
    const first = await callRoute("post", "/api/v1/staff/{id}/password-links", { id: surgeon.id });
    const second = await callRoute("post", "/api/v1/staff/{id}/password-links", { id: surgeon.id });
    expect([first.status, second.status]).toEqual([201, 201]);
    const newer = await second.json();
    expect(newer.url).toMatch(/\/set-password\/[\w-]{43}$/);
    const working = await prisma.staffPasswordLink.findMany({ where: { staffId: surgeon.id, revokedAt: null } });
    expect(working.map((l) => l.id)).toEqual([newer.id]);
    expect(
      await prisma.auditEvent.count({
        where: { entityId: surgeon.id, action: "staff.password_link", actorId: admin.id },
      }),
    ).toBe(2);

    await signInAs(prisma, team.reception);
    expect((await callRoute("post", "/api/v1/staff/{id}/password-links", { id: surgeon.id })).status).toBe(403);
    expect(await prisma.staffPasswordLink.count({ where: { staffId: surgeon.id } })).toBe(2);
  });
});
