import { describe, expect, it } from "vitest";
import { canMove, type CaseStatus } from "@/lib/domain/case-status";
import { cancelAppointment } from "@/lib/services/appointments";
import { seedDemoData } from "@/prisma/seed";
import { now } from "../setup/clock";
import { isolatedDatabase } from "../setup/isolated";

// A database of its own: the demo seed picks the first patients by MRN, which in the shared
// database could be another file's, booked at the same times.
const database = isolatedDatabase();

describe("status changes recorded by the services", () => {
  // The demo seed drives every service path that moves a case (commands, booking an arthroscopy,
  // the first post-operative record, discharge, cancellation) at the run's clock; cancelling the
  // booked arthroscopy adds the way back from "scheduled". Whatever path a service takes, the
  // case may only have moved along the pathway's transitions, each from the status it was in.
  it("records only the pathway's transitions, chained from referral to the case's status (PW-3)", async () => {
    const prisma = database.prisma();
    await seedDemoData(prisma, now());
    const reception = await prisma.staff.findUniqueOrThrow({ where: { email: "reception@demo.clinic" } });
    const arthroscopy = await prisma.appointment.findFirstOrThrow({
      where: { kind: "arthroscopy", status: "booked", case: { site: { staff: { some: { id: reception.id } } } } },
    });
    await cancelAppointment({ id: reception.id, name: reception.name, role: "reception" }, arthroscopy.id, {
      reason: "Theatre list cancelled",
    });

    const cases = await prisma.clinicalCase.findMany({
      where: { siteId: reception.siteId },
      include: { transitions: { orderBy: { id: "asc" } } },
    });
    const reached = new Set<CaseStatus>();
    for (const kase of cases) {
      let status: CaseStatus | null = null;
      for (const t of kase.transitions) {
        expect(t.fromStatus, `case ${kase.id}: a transition from the status it was in`).toBe(status);
        if (t.fromStatus) expect(canMove(t.fromStatus, t.toStatus), `${t.fromStatus} -> ${t.toStatus}`).toBe(true);
        else expect(t.toStatus).toBe("referred");
        status = t.toStatus;
        reached.add(status);
      }
      expect(kase.status).toBe(status);
    }
    // Every status of the pathway occurs, so no path went unchecked.
    expect([...reached].sort()).toEqual([
      "assessed",
      "cancelled",
      "closed_resolved",
      "diagnosed",
      "discharged",
      "first_line",
      "listed_for_surgery",
      "operated",
      "recovery",
      "referred",
      "scheduled",
    ]);
  });
});
