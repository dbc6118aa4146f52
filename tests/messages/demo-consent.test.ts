// The demo's contact preferences: given after its history is seeded, so that `npm start` sends no
// flood of past-due notices, while the appointments still to come are reminded and a booking made
// afterwards for a demo patient sends its own confirmation.
import { describe, expect, it } from "vitest";
import { now } from "../setup/clock";
import { demoDatabase } from "../setup/demo";

const prisma = demoDatabase();

describe("the demo seed's contact preferences", () => {
  it("queues no notice for the demo's history, only reminders of appointments still to come, each with its job", async () => {
    const messages = await prisma().message.findMany({
      select: { kind: true, sendAfter: true, appointment: { select: { startsAt: true, status: true } } },
    });
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.kind).toBe("reminder");
      expect(m.appointment!.status).toBe("booked");
      expect(m.sendAfter.getTime()).toBeGreaterThan(now().getTime());
      expect(m.sendAfter.getTime()).toBeLessThan(m.appointment!.startsAt.getTime());
    }
    const [jobs] = await prisma().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`;
    expect(Number(jobs!.n)).toBe(messages.length);
  });

  it("gives most demo patients an example.org address they consent to, and a third of them text messages", async () => {
    const patients = await prisma().patient.findMany({
      select: { email: true, contactByEmail: true, contactBySms: true },
    });
    expect(patients).toHaveLength(60);
    expect(patients.every((p) => p.email?.endsWith("@example.org"))).toBe(true);
    expect(patients.filter((p) => p.contactByEmail)).toHaveLength(54);
    expect(patients.filter((p) => p.contactBySms)).toHaveLength(20);
  });
});
