import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, setDb } from "@/lib/db/client";
import { withIdempotency } from "@/lib/http/idempotency";
import { bookAppointment } from "@/lib/services/appointments";
import { siteAt } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, createStaff, giveHours } from "../setup/scheduling";
import { answered } from "../setup/answered";

const prisma = setDb(createDb(inject("databaseUrl"), { connections: 20 }));
let team: Team;
let rooms: { id: string }[];
let surgeons: { id: string }[];

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon);
  surgeons = [team.surgeon, ...(await createStaff(prisma, team.reception, "surgeon", 1))];
  rooms = await createRooms(prisma, team.reception, "consulting", 3);
});

describe("bookings that leave the room to the server", () => {
  it("books two simultaneous consultations with different surgeons and no room named into two free rooms, five times of five (SC-1)", async () => {
    for (let round = 0; round < 5; round++) {
      const start = siteAt(3 + round, 10);
      const cases = await Promise.all([caseAt(team, "referred"), caseAt(team, "referred")]);
      const results = await Promise.allSettled(
        cases.map((c, i) =>
          bookAppointment(team.reception, {
            caseId: c.caseId,
            kind: "consultation",
            start: start.toISOString(),
            clinicianId: surgeons[i]!.id,
          }),
        ),
      );
      expect(results.map((r) => (r.status === "fulfilled" ? "booked" : `${r.reason.code}`))).toEqual([
        "booked",
        "booked",
      ]);
      const booked = await prisma.appointment.findMany({
        where: { caseId: { in: cases.map((c) => c.caseId) } },
        select: { roomId: true },
      });
      expect(new Set(booked.map((b) => b.roomId)).size).toBe(2);
      expect(booked.every((b) => rooms.some((r) => r.id === b.roomId))).toBe(true);
    }
  }, 120_000);

  it("takes the next free room too when each booking carries an Idempotency-Key (its work then runs inside the key's transaction)", async () => {
    const start = siteAt(10, 10);
    const cases = await Promise.all([caseAt(team, "referred"), caseAt(team, "referred")]);
    const responses = await Promise.all(
      cases.map((c, i) => {
        const input = {
          caseId: c.caseId,
          kind: "consultation" as const,
          start: start.toISOString(),
          clinicianId: surgeons[i]!.id,
        };
        const request = {
          actorId: team.reception.id,
          key: randomUUID(),
          method: "POST",
          path: "/api/v1/appointments",
          bodyText: JSON.stringify(input),
        };
        return withIdempotency(request, async () =>
          Response.json(await bookAppointment(team.reception, input), { status: 201 }),
        );
      }),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const booked = await prisma.appointment.findMany({
      where: { caseId: { in: cases.map((c) => c.caseId) } },
      select: { roomId: true },
    });
    expect(new Set(booked.map((b) => b.roomId)).size).toBe(2);
  }, 60_000);

  it("still refuses with the conflict when the resource that is taken was named by the client (SC-1)", async () => {
    const start = siteAt(9, 10);
    const cases = await Promise.all([caseAt(team, "referred"), caseAt(team, "referred")]);
    const results = await Promise.allSettled(
      cases.map((c) =>
        bookAppointment(team.reception, {
          caseId: c.caseId,
          kind: "consultation",
          start: start.toISOString(),
          clinicianId: team.surgeon.id,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason;
    expect(answered(refusal)).toMatchObject({ status: 409, code: "SC-1" });
  }, 60_000);
});
