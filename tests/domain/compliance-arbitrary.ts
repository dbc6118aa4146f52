// Random case records for the OC-5 measures: operated 0..500 days ago (or not), with dressings,
// a first physiotherapy session, clearances and an assessment around the rules' boundaries, so
// every measure sees met and not-met items, items on either side of a period's ends and of today.
import fc from "fast-check";
import type { ComplianceRecord, Period } from "@/lib/domain/compliance";
import { addDays } from "@/lib/domain/time";
import { clearanceActivities, dressingStatuses, physioStatuses } from "@/lib/domain/vocabulary";
import { dayFromToday } from "../setup/clock";

const dressing = fc.record({
  dueDay: fc.integer({ min: 1, max: 30 }),
  status: fc.constantFrom(...dressingStatuses),
  replaced: fc.boolean(),
  recordedLate: fc.constantFrom(0, 0, 0, 1, -1, 3),
});

export const complianceRecord = (): fc.Arbitrary<ComplianceRecord> =>
  fc
    .record({
      operatedDaysAgo: fc.option(fc.integer({ min: 0, max: 500 }), { freq: 6 }),
      assessedDay: fc.option(fc.integer({ min: -100, max: 2 })),
      weanedDay: fc.option(fc.integer({ min: 7, max: 18 })),
      dressings: fc.uniqueArray(dressing, { selector: (d) => d.dueDay, maxLength: 10 }),
      firstPhysio: fc.option(
        fc.record({
          dueDay: fc.integer({ min: 5, max: 9 }),
          status: fc.constantFrom(...physioStatuses),
          heldDay: fc.option(fc.integer({ min: 1, max: 12 })),
        }),
      ),
      // One clearance per activity, as the record keeps them.
      clearances: fc.uniqueArray(
        fc.record({ activity: fc.constantFrom(...clearanceActivities), day: fc.integer({ min: 15, max: 70 }) }),
        { maxLength: 4, selector: (c) => c.activity },
      ),
    })
    .map((r): ComplianceRecord => {
      if (r.operatedDaysAgo === null)
        return {
          operationDay: null,
          assessedOn: null,
          crutchReview: null,
          crutchesWeanedOn: null,
          dressings: [],
          firstPhysio: null,
          clearances: [],
        };
      const d0 = dayFromToday(-r.operatedDaysAgo);
      const day = (n: number) => addDays(d0, n);
      return {
        operationDay: d0,
        assessedOn: r.assessedDay === null ? null : day(r.assessedDay),
        crutchReview: { from: day(10), to: day(15) },
        crutchesWeanedOn: r.weanedDay === null ? null : day(r.weanedDay),
        dressings: r.dressings.map((d) => ({
          dueOn: day(d.dueDay),
          status: d.status,
          replaced: d.replaced,
          recordedOn: d.status === "done" ? day(d.dueDay + d.recordedLate) : null,
        })),
        firstPhysio: r.firstPhysio && {
          dueBy: day(r.firstPhysio.dueDay),
          status: r.firstPhysio.status,
          heldOn: r.firstPhysio.status === "done" && r.firstPhysio.heldDay !== null ? day(r.firstPhysio.heldDay) : null,
        },
        clearances: r.clearances.map((c) => ({ activity: c.activity, clearedOn: day(c.day) })),
      };
    });

/** A period of 1..400 days starting up to 700 days ago (it may reach past today). */
export const period = (): fc.Arbitrary<Period> =>
  fc
    .tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 400 }))
    .map(([ago, length]) => ({ from: dayFromToday(-ago), to: addDays(dayFromToday(-ago), length) }));
