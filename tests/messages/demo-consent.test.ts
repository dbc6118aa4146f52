// The demo's contact preferences: given after its history is seeded, so that `npm start` sends no
// flood of past-due notices, while a booking made afterwards for a demo patient sends its own.
import { describe, expect, it } from "vitest";
import { demoDatabase } from "../setup/demo";

const prisma = demoDatabase();

describe("the demo seed's contact preferences", () => {
  it("queues no message and no job for the demo's history", async () => {
    expect(await prisma().message.count()).toBe(0);
    const [jobs] = await prisma().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`;
    expect(jobs!.n).toBe(0n);
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
