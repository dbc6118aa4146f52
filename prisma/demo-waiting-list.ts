// The demo's waiting list beyond the first patients' listed and assessed cases (WL-1..WL-4):
// waits on both sides of the breach date, an expired assessment, and a theatre morning with two
// arthroscopies and a cancelled third whose time a listed patient could take.
import type { ListingPriority } from "@/lib/domain/waiting-list";
import { instantAt, weekdayAfter } from "@/lib/domain/time";
import { bookAppointment, cancelAppointment } from "@/lib/services/appointments";
import { demoZone } from "./demo-cases";
import type { DemoCase, Then } from "./seed";

/**
 * A patient on the waiting list: listed `listedDaysAgo` days ago with `priority`, assessed
 * `assessedDaysAgo` days ago when given (then listed at least 31 days before it).
 */
function waiting(listedDaysAgo: number, priority: ListingPriority, o: { assessedDaysAgo?: number } = {}): DemoCase {
  // walkCase counts back from day 0: the assessment falls on D-30, the listing on D-gap.
  const operatedDaysAgo = o.assessedDaysAgo === undefined ? listedDaysAgo - 95 : o.assessedDaysAgo - 30;
  return {
    stage: o.assessedDaysAgo === undefined ? "listed" : "assessed",
    options: { operatedDaysAgo, listedDaysBeforeOperation: listedDaysAgo - operatedDaysAgo, priority },
  };
}
/** An arthroscopy in Theatre 1 on the `nthWeekday` weekday from today, with the case's surgeon. */
const theatre =
  (nthWeekday: number, hour: number, minute: number, admission: "day_case" | "inpatient"): Then =>
  async ({ reception, prisma }, caseId, _course, { now, today }) => {
    const room = await prisma.room.findFirstOrThrow({
      where: { name: "Theatre 1", site: { cases: { some: { id: caseId } } } },
    });
    const start = instantAt(weekdayAfter(today, nthWeekday), hour, minute, demoZone).toISOString();
    await bookAppointment(reception, { caseId, kind: "arthroscopy", start, roomId: room.id, admission }, now);
  };
/** The case's booked arthroscopy cancelled, its theatre time free for another listed patient (WL-4). */
const cancelledArthroscopy: Then = async ({ reception, prisma }, caseId) => {
  const booked = await prisma.appointment.findFirstOrThrow({
    where: { caseId, kind: "arthroscopy", status: "booked" },
  });
  await cancelAppointment(reception, booked.id, { reason: "The patient has a chest infection; to be rebooked." });
};

/**
 * Listed 127 days ago (breach date yesterday), 150 (passed 23 days ago, its assessment expired),
 * 110, 100 (Ms Nair's) and 120 (breach dates in 16, 26 and 6 days), 90 and 60; the fourth
 * weekday's morning in Theatre 1: 08:00 and 09:30 booked, 11:00 cancelled.
 */
export const waitingListCases: DemoCase[] = [
  waiting(127, "P4", { assessedDaysAgo: 20 }),
  waiting(150, "P3", { assessedDaysAgo: 100 }),
  waiting(110, "P3", { assessedDaysAgo: 15 }),
  { ...waiting(100, "P4"), by: "surgeon2" },
  { ...waiting(120, "P3", { assessedDaysAgo: 40 }), then: [theatre(4, 8, 0, "day_case")] },
  { ...waiting(90, "P4", { assessedDaysAgo: 30 }), then: [theatre(4, 9, 30, "inpatient")] },
  { ...waiting(60, "P4", { assessedDaysAgo: 20 }), then: [theatre(4, 11, 0, "day_case"), cancelledArthroscopy] },
];
