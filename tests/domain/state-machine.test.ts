import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Activity } from "@/lib/domain/care-plan";
import type { Decision } from "@/lib/domain/case-decision";
import { canMove, caseStatuses, type CaseStatus } from "@/lib/domain/case-status";
import * as pathway from "@/lib/domain/pathway";
import {
  decideArthroscopyBooking,
  decideArthroscopyCancellation,
  decideAssessment,
  decideCancellation,
  decideClearance,
  decideCourseReview,
  decideCrutchWeaning,
  decideDiagnosticInjection,
  decideDischarge,
  decideFirstLineCourse,
  decideImaging,
  decideListing,
  decideOperation,
  decidePostOperativeRecord,
  decideReferral,
  type CaseSnapshot,
} from "@/lib/domain/pathway";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays } from "@/lib/domain/time";
import type { AnaesthesiaType, Outcome } from "@/lib/domain/vocabulary";
import { referredCase } from "../setup/snapshot";

const start = "2026-01-01";
const today = "2027-12-31";
const day = fc.integer({ min: 0, max: 500 }).map((n) => addDays(start, n));
const anaesthesia = fc.constantFrom<AnaesthesiaType>("locoregional", "general", "spinal");

const command = fc.oneof(
  fc.record({ kind: fc.constant("imaging" as const), on: day, supports: fc.boolean() }),
  fc.record({ kind: fc.constant("injection" as const), on: day, relieved: fc.boolean() }),
  fc.record({ kind: fc.constant("course" as const), on: day, severe: fc.boolean(), immobilise: fc.boolean() }),
  fc.record({
    kind: fc.constant("review" as const),
    on: day,
    outcome: fc.constantFrom<Outcome>("resolved", "partly_worked", "failed"),
  }),
  fc.record({ kind: fc.constant("listing" as const), on: day }),
  fc.record({ kind: fc.constant("assessment" as const), on: day, type: anaesthesia }),
  fc.record({
    kind: fc.constant("operation" as const),
    on: day,
    given: anaesthesia,
    reason: fc.option(fc.constant("changed"), { nil: undefined }),
  }),
);
// The commands that follow the operation or close a case, and booking and cancelling the
// arthroscopy: with the ones above, every service path that can change a case's status.
const laterCommand = fc.oneof(
  fc.record({ kind: fc.constant("booking" as const), on: day, dayCase: fc.boolean() }),
  fc.record({ kind: fc.constant("unbooking" as const), on: day }),
  fc.record({ kind: fc.constant("record" as const), on: day }),
  fc.record({ kind: fc.constant("crutches" as const), on: day }),
  fc.record({
    kind: fc.constant("clearance" as const),
    on: day,
    activity: fc.constantFrom<Activity | "other">("cycling", "swimming", "running", "other"),
  }),
  fc.record({ kind: fc.constant("cancellation" as const), on: day }),
  fc.record({ kind: fc.constant("discharge" as const), on: day }),
);
const anyCommand = fc.oneof(command, laterCommand);
type Command =
  | (typeof command extends fc.Arbitrary<infer C> ? C : never)
  | (typeof laterCommand extends fc.Arbitrary<infer C> ? C : never);
// Random sequences, and the pathway's own order of steps with random details and random
// commands mixed in, so that whole pathways occur, not only early refusals.
const pathwayOrder = ["imaging", "injection", "course", "review", "listing", "assessment", "operation"];
const wholePathwayOrder = [
  ...pathwayOrder.slice(0, -1),
  "booking",
  "operation",
  "record",
  "crutches",
  "clearance",
  "discharge",
];
const sequences = (maxLength: number, commands: fc.Arbitrary<Command> = command, order = pathwayOrder) =>
  fc.oneof(
    fc.array(commands, { maxLength }),
    fc
      .tuple(fc.array(commands, { minLength: 7, maxLength }), fc.array(commands, { maxLength: 10 }))
      .map(([steps, noise]) => {
        const byKind = order.map((kind) => steps.find((s) => s.kind === kind)).filter((s): s is Command => Boolean(s));
        const dated = byKind.map((s, i) => ({ ...s, on: addDays(start, i * 20 + (s.on.charCodeAt(9) % 15)) }));
        return [...dated, ...noise].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      }),
  );

/** The decision functions asked, and the moves they decided (`from -> to`). */
const asked = new Set<string>();
const moved = new Set<string>();

/** Applies a command the way the services do: ask the domain, then record and move on success. */
function apply(c: CaseSnapshot, cmd: Command): CaseSnapshot {
  const openCourse = c.courses.find((x) => x.outcome === null);
  let decision: Decision;
  let next: CaseSnapshot = c;
  switch (cmd.kind) {
    case "imaging":
      decision = decideImaging(c, { performedOn: cmd.on, supportsDiagnosis: cmd.supports }, today);
      next = { ...c, imaging: [...c.imaging, { performedOn: cmd.on, supportsDiagnosis: cmd.supports }] };
      break;
    case "injection":
      decision = decideDiagnosticInjection(c, { performedOn: cmd.on, painRelieved: cmd.relieved }, today);
      next = { ...c, injections: [...c.injections, { performedOn: cmd.on, painRelieved: cmd.relieved }] };
      break;
    case "course":
      decision = decideFirstLineCourse(
        c,
        {
          startedOn: cmd.on,
          painSeverity: cmd.severe ? "severe" : "mild",
          measures: cmd.immobilise ? ["immobilisation"] : ["analgesics"],
        },
        today,
      );
      next = {
        ...c,
        courses: [...c.courses, { id: `c${c.courses.length}`, startedOn: cmd.on, outcome: null, reviewedOn: null }],
      };
      break;
    case "review":
      if (!openCourse) return c;
      decision = decideCourseReview(c, openCourse.id, { reviewedOn: cmd.on, outcome: cmd.outcome }, today);
      next = {
        ...c,
        courses: c.courses.map((x) => (x === openCourse ? { ...x, outcome: cmd.outcome, reviewedOn: cmd.on } : x)),
      };
      break;
    case "listing":
      decision = decideListing(c, { listedOn: cmd.on }, today);
      next = { ...c, listing: { listedOn: cmd.on } };
      break;
    case "assessment":
      decision = decideAssessment(c, { assessedOn: cmd.on }, today);
      next = {
        ...c,
        assessments: [...c.assessments, { assessedOn: cmd.on, anaesthesiaType: cmd.type, homeSupport: true }],
      };
      break;
    case "operation":
      decision = decideOperation(
        c,
        { operationDay: cmd.on, anaesthesiaGiven: cmd.given, anaesthesiaChangeReason: cmd.reason },
        today,
        defaultPolicies,
      );
      next = { ...c, operation: { operationDay: cmd.on } };
      break;
    case "booking":
      decision = decideArthroscopyBooking(
        c,
        { day: cmd.on, admission: cmd.dayCase ? "day_case" : "inpatient" },
        defaultPolicies,
      );
      break;
    case "unbooking":
      decision = decideArthroscopyCancellation(c, { reason: "Theatre closed" });
      break;
    case "record":
      decision = decidePostOperativeRecord(c);
      break;
    case "crutches":
      decision = decideCrutchWeaning(c, { recordedOn: cmd.on }, today);
      next = { ...c, crutchesWeanedOn: cmd.on };
      break;
    case "clearance": {
      const sport = cmd.activity === "other" ? "Ballet" : null;
      decision = decideClearance(c, { activity: cmd.activity, clearedOn: cmd.on, sport }, today);
      next = { ...c, clearances: [...c.clearances, { activity: cmd.activity, sport }] };
      break;
    }
    case "cancellation":
      decision = decideCancellation(c, { reason: "Patient declined surgery" });
      break;
    case "discharge":
      decision = decideDischarge(c, { dischargedOn: cmd.on }, today);
      break;
  }
  asked.add(nameOf[cmd.kind]);
  if (!decision.ok) return c;
  if (decision.to) {
    expect(canMove(c.status, decision.to)).toBe(true);
    moved.add(`${c.status} -> ${decision.to}`);
    return { ...next, status: decision.to };
  }
  return next;
}

const nameOf: Record<Command["kind"], keyof typeof pathway> = {
  imaging: "decideImaging",
  injection: "decideDiagnosticInjection",
  course: "decideFirstLineCourse",
  review: "decideCourseReview",
  listing: "decideListing",
  assessment: "decideAssessment",
  operation: "decideOperation",
  booking: "decideArthroscopyBooking",
  unbooking: "decideArthroscopyCancellation",
  record: "decidePostOperativeRecord",
  crutches: "decideCrutchWeaning",
  clearance: "decideClearance",
  cancellation: "decideCancellation",
  discharge: "decideDischarge",
};

const empty: CaseSnapshot = referredCase;

describe("case state machine (property-based)", () => {
  it("never reaches operated without a failed or partly-working course, a listing and a valid assessment (SX-1, SX-2, SX-3)", () => {
    let operations = 0;
    fc.assert(
      fc.property(sequences(60), (commands) => {
        let c = empty;
        for (const cmd of commands) {
          c = apply(c, cmd);
          if (c.status === "operated") {
            operations++;
            expect(c.courses.some((x) => x.outcome === "failed" || x.outcome === "partly_worked")).toBe(true);
            expect(c.listing).not.toBeNull();
            const opDay = c.operation!.operationDay;
            expect(
              c.assessments.some(
                (a) =>
                  a.assessedOn <= opDay && opDay <= addDays(a.assessedOn, 90) && a.assessedOn >= c.listing!.listedOn,
              ),
            ).toBe(true);
            break;
          }
        }
      }),
      { numRuns: 3000 },
    );
    // The generator must actually reach the operation sometimes, or the property says nothing.
    expect(operations).toBeGreaterThan(0);
  });

  // Every status change of a case is one of these decisions (moveCase takes nothing else), and
  // the decisions do not consult the state machine: each states its own preconditions. So this
  // is where a decision that moves a case where the pathway does not go is caught. The examples
  // (the pathway step by step, 20 days apart, then what may follow each step) run first on every
  // run, so every transition is taken and every decision asked whatever the random ones reach.
  const steps: Command[] = [
    { kind: "imaging", on: "", supports: true },
    { kind: "course", on: "", severe: false, immobilise: false },
    { kind: "review", on: "", outcome: "failed" },
    { kind: "listing", on: "" },
    { kind: "assessment", on: "", type: "general" },
    { kind: "booking", on: "", dayCase: false },
    { kind: "operation", on: "", given: "general", reason: undefined },
    { kind: "record", on: "" },
    { kind: "crutches", on: "" },
    { kind: "clearance", on: "", activity: "cycling" },
    { kind: "discharge", on: "" },
  ];
  const through = (count: number, ...then: Command[]): [Command[]] => [
    [...steps.slice(0, count), ...then].map((cmd, i) => ({ ...cmd, on: addDays(start, 1 + i * 20) })),
  ];
  const cancellation: Command = { kind: "cancellation", on: "" };
  const examples = [
    through(steps.length),
    ...[0, 1, 2, 4, 5, 6].map((count) => through(count, cancellation)),
    through(2, { kind: "review", on: "", outcome: "resolved" }),
    through(6, { kind: "unbooking", on: "" }, steps[6]!),
    through(7, steps[10]!),
    through(0, { kind: "imaging", on: "", supports: false }, { kind: "injection", on: "", relieved: true }),
  ];

  it("moves a case only along the state machine's transitions, whatever decision moves it (PW-3)", () => {
    asked.clear();
    moved.clear();
    fc.assert(
      fc.property(sequences(60, anyCommand, wholePathwayOrder), (commands) => {
        const referral = decideReferral({ referredOn: start }, today);
        if (!referral.ok) throw new Error("A referral dated in the past opens a case.");
        asked.add("decideReferral");
        let c: CaseSnapshot = { ...empty, status: referral.to };
        for (const cmd of commands) c = apply(c, cmd);
      }),
      { numRuns: 3000, examples },
    );
    // Every decision function of the pathway was asked, and every transition of the state
    // machine was taken, or the property says nothing about some path.
    const decisions = Object.keys(pathway).filter((name) => name.startsWith("decide"));
    expect([...asked].sort()).toEqual(decisions.sort());
    const transitions = caseStatuses.flatMap((from) =>
      caseStatuses.filter((to) => canMove(from, to)).map((to: CaseStatus) => `${from} -> ${to}`),
    );
    expect([...moved].sort()).toEqual(transitions.sort());
  });
});
