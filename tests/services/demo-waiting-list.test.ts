// The demo data's waiting list: what a clinic trying the product sees on the dashboards, the
// waiting list and the theatre lists. Seeded into a database of its own at the run's clock.
import { describe, expect, it } from "vitest";
import { dayOfColumn } from "@/lib/db/dates";
import { formatTime } from "@/lib/domain/date-format";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, dayOf, daysBetween, weekdayAfter } from "@/lib/domain/time";
import { waitingStatuses } from "@/lib/domain/waiting-list";
import { waitingListSummary } from "@/lib/services/waiting-list-summary";
import { dayFromToday, now, siteZone, today } from "../setup/clock";
import { demoDatabase } from "../setup/demo";

const demo = demoDatabase();

const waitingCases = () =>
  demo().clinicalCase.findMany({
    where: { status: { in: [...waitingStatuses] } },
    include: { listing: true, assessments: true, appointments: true },
  });

describe("the demo's waiting list", () => {
  it("has a P2, several P3 and several P4 patients waiting, listed by both surgeons", async () => {
    const cases = await waitingCases();
    const count = (p: string) => cases.filter((c) => c.listing!.priority === p).length;
    expect(count("P2")).toBe(1);
    expect(count("P3")).toBeGreaterThanOrEqual(3);
    expect(count("P4")).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.listing!.surgeonId)).size).toBe(2);
  });

  it("shows on the dashboard: 11 waiting, breaches this month, one breach in the first week and one in each of the last two", async () => {
    const reception = await demo().staff.findUniqueOrThrow({ where: { email: "reception@demo.clinic" } });
    const summary = await waitingListSummary({ id: reception.id, name: reception.name, role: "reception" }, {}, now());
    // Listed 5, 15, 60, 70, 75, 90, 100, 110, 120, 127 and 150 days ago; the 127 passed its breach
    // date today, the 150 on the 24th day before today (this month's only from the 24th on).
    const d = daysBetween(`${today().slice(0, 8)}01`, today());
    expect(summary).toEqual({
      waiting: 11,
      medianDaysWaiting: 90,
      p90DaysWaiting: 127,
      breachesThisMonth: d >= 23 ? 2 : 1,
      forecast: [
        { weekStarting: today(), breaches: 1 },
        { weekStarting: dayFromToday(7), breaches: 0 },
        { weekStarting: dayFromToday(14), breaches: 1 },
        { weekStarting: dayFromToday(21), breaches: 1 },
      ],
    });
  });

  it("has assessments still valid, one expired and one without help at home", async () => {
    const assessments = (await waitingCases()).flatMap((c) => c.assessments);
    const validUntil = (a: { assessedOn: Date }) =>
      addDays(dayOfColumn(a.assessedOn), defaultPolicies.assessmentValidityDays);
    expect(assessments.filter((a) => validUntil(a) >= today()).length).toBeGreaterThanOrEqual(4);
    expect(assessments.filter((a) => validUntil(a) < today())).toHaveLength(1);
    expect(assessments.filter((a) => !a.homeSupport)).toHaveLength(1);
  });

  it("books two arthroscopies in one theatre's morning and cancels a third after them, whose time a listed patient with a valid assessment and help at home could take", async () => {
    const theatreDay = weekdayAfter(today(), 4);
    const arthroscopies = await demo().appointment.findMany({
      where: { kind: "arthroscopy" },
      include: { room: true },
      orderBy: { startsAt: "asc" },
    });
    const onDay = arthroscopies.filter((a) => dayOf(a.startsAt, siteZone) === theatreDay);
    // The morning session runs 08:00-13:00 (WL-5): 08:00 and 09:30 booked, 11:00 cancelled.
    expect(onDay.map((a) => [a.status, a.room?.name, formatTime(a.startsAt, siteZone)])).toEqual([
      ["booked", "Theatre 1", "08:00"],
      ["booked", "Theatre 1", "09:30"],
      ["cancelled", "Theatre 1", "11:00"],
    ]);
    const eligible = (await waitingCases()).filter(
      (c) =>
        c.status === "assessed" &&
        c.assessments.some(
          (a) =>
            a.homeSupport && addDays(dayOfColumn(a.assessedOn), defaultPolicies.assessmentValidityDays) >= theatreDay,
        ),
    );
    expect(eligible.length).toBeGreaterThanOrEqual(1);
  });
});
