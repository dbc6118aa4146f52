// The clinical commands on a case, one function each. Each asks the pathway's decision and
// writes through runCaseCommand, so a refusal writes nothing.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { dateColumn } from "@/lib/db/dates";
import { validAssessmentFor } from "@/lib/domain/assessment";
import { generateCarePlan } from "@/lib/domain/care-plan";
import {
  decideAssessment,
  decideCancellation,
  decideClearance,
  decideDischarge,
  decideCourseReview,
  decideCrutchWeaning,
  decideDiagnosticInjection,
  decideFirstLineCourse,
  decideImaging,
  decideListing,
  decideOperation,
} from "@/lib/domain/pathway";
import { dayOf } from "@/lib/domain/time";
import type {
  assessmentInput,
  cancellationInput,
  dischargeInput,
  clearanceInput,
  courseInput,
  crutchWeaningInput,
  imagingInput,
  injectionInput,
  listingInput,
  operationInput,
  reviewInput,
} from "@/lib/schemas/case";
import { notFound } from "@/lib/domain/errors";
import { runCaseCommand } from "./case-record";

type In<T extends z.ZodType> = z.infer<T>;
const idOf = (record: { id: string }) => record.id;
const done = <T extends { id: string }>(outcome: { result: T; status: string }) => ({
  id: outcome.result.id,
  status: outcome.status,
});

export async function recordImaging(actor: Actor, caseId: string, input: In<typeof imagingInput>, now = new Date()) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideImaging(snapshot, input, today),
      write: () =>
        tx.imagingStudy.create({
          data: { ...input, caseId, performedOn: dateColumn(input.performedOn), recordedById: actor.id },
        }),
      audit: { action: "case.imaging.record", entity: "imaging_study", entityId: idOf },
    })),
  );
}

export async function recordDiagnosticInjection(
  actor: Actor,
  caseId: string,
  input: In<typeof injectionInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideDiagnosticInjection(snapshot, input, today),
      write: () =>
        tx.diagnosticInjection.create({
          data: { ...input, caseId, performedOn: dateColumn(input.performedOn), recordedById: actor.id },
        }),
      audit: { action: "case.injection.record", entity: "diagnostic_injection", entityId: idOf },
    })),
  );
}

export async function startFirstLineCourse(
  actor: Actor,
  caseId: string,
  input: In<typeof courseInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideFirstLineCourse(snapshot, input, today),
      write: () =>
        tx.firstLineCourse.create({
          data: { ...input, caseId, startedOn: dateColumn(input.startedOn), recordedById: actor.id },
        }),
      audit: { action: "case.course.start", entity: "first_line_course", entityId: idOf },
    })),
  );
}

export async function reviewFirstLineCourse(
  actor: Actor,
  caseId: string,
  courseId: string,
  input: In<typeof reviewInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => {
      if (!snapshot.courses.some((c) => c.id === courseId)) throw notFound("The first-line course");
      return {
        decision: decideCourseReview(snapshot, courseId, input, today),
        write: () =>
          tx.firstLineCourse.update({
            where: { id: courseId },
            data: { outcome: input.outcome, reviewedOn: dateColumn(input.reviewedOn), reviewedById: actor.id },
          }),
        audit: { action: "case.course.review", entity: "first_line_course", entityId: idOf },
      };
    }),
  );
}

export async function listForSurgery(actor: Actor, caseId: string, input: In<typeof listingInput>, now = new Date()) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => {
      const listedOn = input.listedOn ?? today;
      return {
        decision: decideListing(snapshot, { listedOn }, today),
        write: () =>
          tx.surgicalListing.create({
            data: {
              caseId,
              listedOn: dateColumn(listedOn),
              notes: input.notes ?? null,
              surgeonId: actor.id,
              priority: input.priority ?? "P4",
              // WL-1: the history starts with the priority set at listing.
              priorityChanges: {
                create: { toPriority: input.priority ?? "P4", reason: "Set at listing", byId: actor.id },
              },
            },
          }),
        audit: { action: "case.listing.record", entity: "surgical_listing", entityId: idOf },
      };
    }),
  );
}

export async function recordAnaesthesiaAssessment(
  actor: Actor,
  caseId: string,
  input: In<typeof assessmentInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideAssessment(snapshot, input, today),
      write: () =>
        tx.anaesthesiaAssessment.create({
          data: {
            ...input,
            notes: input.notes ?? null,
            caseId,
            assessedOn: dateColumn(input.assessedOn),
            anaesthetistId: actor.id,
          },
        }),
      audit: { action: "case.assessment.record", entity: "anaesthesia_assessment", entityId: idOf },
    })),
  );
}

/** SX-5, SX-6: the operation note and, in the same transaction, the post-operative plan. */
export async function recordOperation(
  actor: Actor,
  caseId: string,
  input: In<typeof operationInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, row, snapshot, today, policies }) => {
      const performedAt = new Date(input.performedAt);
      const operationDay = dayOf(performedAt, row.site.timeZone);
      const decision = decideOperation(
        snapshot,
        {
          operationDay,
          anaesthesiaGiven: input.anaesthesiaGiven,
          anaesthesiaChangeReason: input.anaesthesiaChangeReason,
          performedLaterToday: performedAt > now,
        },
        today,
        policies,
      );
      return {
        decision,
        write: async () => {
          // The assessment the decision relied on; the snapshot lists assessments in the row's order.
          const valid = validAssessmentFor(snapshot, operationDay, policies);
          const assessment = row.assessments[valid.ok ? snapshot.assessments.indexOf(valid.assessment) : -1]!;
          const operation = await tx.operation.create({
            data: {
              caseId,
              assessmentId: assessment.id,
              performedAt,
              operationDay: dateColumn(operationDay),
              procedure: input.procedure,
              anaesthesiaGiven: input.anaesthesiaGiven,
              anaesthesiaChangeReason: input.anaesthesiaChangeReason ?? null,
              findings: input.findings,
              dischargeAnalgesia: input.dischargeAnalgesia,
              surgeonId: actor.id,
            },
          });
          // The booked arthroscopy took place: attended, with the surgeon and time recorded here,
          // which may differ from the booking's.
          await tx.appointment.updateMany({
            where: { caseId, kind: "arthroscopy", status: "booked" },
            data: { attendance: "attended", attendanceAt: performedAt, attendanceById: actor.id },
          });
          const plan = generateCarePlan(operationDay, policies);
          await tx.carePlan.create({
            data: {
              caseId,
              operationDay: dateColumn(operationDay),
              timeZone: row.site.timeZone,
              crutchReviewFrom: dateColumn(plan.crutchWeaningReview.from),
              crutchReviewTo: dateColumn(plan.crutchWeaningReview.to),
              instructions: plan.instructions,
            },
          });
          await tx.dressingVisit.createMany({
            data: plan.dressings.map((dueOn) => ({ caseId, dueOn: dateColumn(dueOn) })),
          });
          await tx.physioSession.createMany({
            data: plan.physio.map((s) => ({
              caseId,
              number: s.number,
              earliestOn: dateColumn(s.earliestOn),
              dueBy: dateColumn(s.dueBy),
            })),
          });
          return operation;
        },
        audit: { action: "case.operation.record", entity: "operation", entityId: idOf },
      };
    }),
  );
}

export async function recordCrutchWeaning(
  actor: Actor,
  caseId: string,
  input: In<typeof crutchWeaningInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideCrutchWeaning(snapshot, input, today),
      write: async () => {
        await tx.carePlan.update({
          where: { caseId },
          data: { crutchesWeanedOn: dateColumn(input.recordedOn), crutchesWeanedBy: actor.id },
        });
        return { id: caseId };
      },
      audit: { action: "case.crutches.wean", entity: "care_plan", entityId: idOf },
    })),
  );
}

export async function recordClearance(
  actor: Actor,
  caseId: string,
  input: In<typeof clearanceInput>,
  now = new Date(),
) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ tx, snapshot, today }) => ({
      decision: decideClearance(snapshot, input, today),
      write: () =>
        tx.clearance.create({
          data: {
            caseId,
            activity: input.activity,
            sport: input.sport ?? null,
            clearedOn: dateColumn(input.clearedOn),
            clearedBy: actor.id,
          },
        }),
      audit: { action: "case.clearance.record", entity: "clearance", entityId: idOf },
    })),
  );
}

export async function cancelCase(actor: Actor, caseId: string, input: In<typeof cancellationInput>, now = new Date()) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ snapshot }) => ({
      decision: decideCancellation(snapshot, input),
      write: async () => ({ id: caseId }),
      audit: { action: "case.cancel", entity: "clinical_case", entityId: idOf },
    })),
  );
}

export async function dischargeCase(actor: Actor, caseId: string, input: In<typeof dischargeInput>, now = new Date()) {
  return done(
    await runCaseCommand(actor, caseId, now, ({ snapshot, today }) => ({
      decision: decideDischarge(snapshot, input, today),
      write: async () => ({ id: caseId }),
      audit: { action: "case.discharge", entity: "clinical_case", entityId: idOf },
    })),
  );
}
