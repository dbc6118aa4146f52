// The recovery plan message's words (SX-6, PO-1, PO-6): the plan's dates on the site's calendar
// and each appointment at its site's wall-clock time, the day the clocks change included.
import { describe, expect, it } from "vitest";
import { generateCarePlan } from "@/lib/domain/care-plan";
import { planMessageText } from "@/lib/domain/plan-message";
import { defaultPolicies } from "@/lib/domain/policies";

const operationDay = "2027-03-10";
const plan = generateCarePlan(operationDay, defaultPolicies);
const facts = { operationDay, instructions: plan.instructions, crutchReview: plan.crutchWeaningReview };

describe("the recovery plan message's text", () => {
  it("gives the crutch review, cycling and swimming from 3 weeks and running from 2 months as calendar days (PO-1, PO-6)", () => {
    const text = planMessageText(facts, []);
    expect(text.planLines).toContain("Use your crutches for 10 to 15 days");
    expect(text.planLines).toMatch(/Sat,? 20 Mar 2027 and Thu,? 25 Mar 2027/);
    expect(text.planLines).toMatch(
      /cycling and swimming again from Wed,? 31 Mar 2027, and running from Mon,? 10 May 2027/,
    );
    expect(text.planSummary).toMatch(/Cycling and swimming from Wed,? 31 Mar 2027, running from Mon,? 10 May 2027/);
    expect(text.appointmentLines).toContain("No appointment is booked for you yet");
    expect(text.planSummary).not.toContain("Next appointment");
  });

  it("gives each appointment at its site's wall-clock time, across the spring clock change (SX-6)", () => {
    const text = planMessageText(facts, [
      { kind: "physio", startsAt: new Date("2027-03-27T10:00:00Z"), place: "Gym, Clinic", timeZone: "Europe/London" },
      // 28 March 2027 is the day British Summer Time starts: 08:00 UTC is 09:00 in London.
      {
        kind: "dressing",
        startsAt: new Date("2027-03-28T08:00:00Z"),
        place: "Dressing room 1, Clinic",
        timeZone: "Europe/London",
      },
    ]);
    expect(text.appointmentLines).toMatch(
      /- Sun,? 28 Mar 2027,? 09:00: Wound dressing by a nurse, Dressing room 1, Clinic/,
    );
    expect(text.appointmentLines).toMatch(/- Sat,? 27 Mar 2027,? 10:00: Physiotherapy, Gym, Clinic/);
    expect(text.appointmentLines).toContain("attached as a calendar file");
    expect(text.planSummary).toMatch(/Next appointment: Physiotherapy, Sat,? 27 Mar 2027,? 10:00\./);
  });
});
