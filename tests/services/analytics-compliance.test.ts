// OC-5: the SQL figures of the compliance report and the stage waits equal the pure domain
// measures applied to the same records, on random cases written straight into the database.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import {
  caseCompliance,
  longestDressingGap,
  measuredRules,
  type ComplianceRecord,
  type Period,
} from "@/lib/domain/compliance";
import { defaultPolicies } from "@/lib/domain/policies";
import { operatedIn, stageWaits, summariseStages, waitsByStage, type StageDays } from "@/lib/domain/stage-waits";
import { addDays, dayOf, instantAt } from "@/lib/domain/time";
import { complianceReport } from "@/lib/services/analytics-compliance";
import { complianceRecord, period as periodArb } from "../domain/compliance-arbitrary";
import { now, siteZone, today } from "../setup/clock";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();

const pathway = fc.record({
  referredBefore: fc.integer({ min: 0, max: 300 }),
  imaging: fc.option(fc.record({ day: fc.integer({ min: 0, max: 60 }), supports: fc.boolean() })),
  injection: fc.option(fc.record({ day: fc.integer({ min: 0, max: 60 }), relieved: fc.boolean() })),
  courseDay: fc.option(fc.integer({ min: 0, max: 120 })),
  listedBefore: fc.option(fc.integer({ min: 0, max: 200 })),
  recordedHour: fc.constantFrom(0, 9, 23),
});
type Spec = { record: ComplianceRecord; path: typeof pathway extends fc.Arbitrary<infer T> ? T : never };

/** Writes one case as the services would have left it; a replaced visit is replaced by the case's next visit. */
async function writeCase(actor: Actor, siteId: string, { record, path }: Spec) {
  const by = actor.id;
  const patient = await prisma.patient.create({
    data: { givenName: "Random", familyName: "Case", birthDate: dateColumn("1980-01-01"), sex: "female" },
  });
  const d0 = record.operationDay;
  const referredOn = addDays(d0 ?? today(), -path.referredBefore);
  const kase = await prisma.clinicalCase.create({
    data: {
      patientId: patient.id,
      siteId,
      side: "left",
      mechanism: "unknown",
      status: d0 ? "recovery" : "referred",
      referredOn: dateColumn(referredOn),
      createdById: by,
    },
  });
  const caseId = kase.id;
  if (path.imaging)
    await prisma.imagingStudy.create({
      data: {
        caseId,
        modality: "mri",
        performedOn: dateColumn(addDays(referredOn, path.imaging.day)),
        findings: "x",
        supportsDiagnosis: path.imaging.supports,
        recordedById: by,
      },
    });
  if (path.injection)
    await prisma.diagnosticInjection.create({
      data: {
        caseId,
        performedOn: dateColumn(addDays(referredOn, path.injection.day)),
        guidance: "ultrasound",
        painRelieved: path.injection.relieved,
        recordedById: by,
      },
    });
  if (path.courseDay !== null)
    await prisma.firstLineCourse.create({
      data: {
        caseId,
        startedOn: dateColumn(addDays(referredOn, path.courseDay)),
        painSeverity: "mild",
        measures: ["analgesics"],
        recordedById: by,
      },
    });
  if (path.listedBefore !== null)
    await prisma.surgicalListing.create({
      data: { caseId, listedOn: dateColumn(addDays(d0 ?? today(), -path.listedBefore)), surgeonId: by },
    });
  if (!d0) return;
  const assessment = await prisma.anaesthesiaAssessment.create({
    data: {
      caseId,
      assessedOn: dateColumn(record.assessedOn ?? addDays(d0, 5)),
      asaGrade: 1,
      anaesthesiaType: "general",
      homeSupport: true,
      anaesthetistId: by,
    },
  });
  const at = (day: string) => instantAt(day, path.recordedHour, 30, siteZone);
  await prisma.operation.create({
    data: {
      caseId,
      assessmentId: assessment.id,
      performedAt: at(d0),
      operationDay: dateColumn(d0),
      procedure: "x",
      anaesthesiaGiven: "general",
      findings: "x",
      dischargeAnalgesia: "x",
      surgeonId: by,
    },
  });
  await prisma.carePlan.create({
    data: {
      caseId,
      operationDay: dateColumn(d0),
      timeZone: siteZone,
      crutchReviewFrom: dateColumn(record.crutchReview!.from),
      crutchReviewTo: dateColumn(record.crutchReview!.to),
      crutchesWeanedOn: record.crutchesWeanedOn && dateColumn(record.crutchesWeanedOn),
      crutchesWeanedBy: record.crutchesWeanedOn && by,
      instructions: [],
    },
  });
  const dressings = [...record.dressings].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  let previous: { id: string; replaced: boolean } | null = null;
  for (const d of dressings) {
    const visit: { id: string } = await prisma.dressingVisit.create({
      data: {
        caseId,
        dueOn: dateColumn(d.dueOn),
        status: d.status,
        replacesId: previous?.replaced ? previous.id : null,
      },
    });
    if (d.recordedOn)
      await prisma.dressingRecord.create({
        data: { dressingVisitId: visit.id, caseId, woundState: "clean_dry", nurseId: by, recordedAt: at(d.recordedOn) },
      });
    previous = { id: visit.id, replaced: d.replaced };
  }
  if (record.firstPhysio) {
    const { dueBy, status, heldOn } = record.firstPhysio;
    const session = await prisma.physioSession.create({
      data: { caseId, number: 1, earliestOn: dateColumn(addDays(d0, 1)), dueBy: dateColumn(dueBy), status },
    });
    if (heldOn) {
      const appointment = await prisma.appointment.create({
        data: {
          siteId,
          caseId,
          patientId: patient.id,
          kind: "physio",
          startsAt: at(heldOn),
          endsAt: new Date(at(heldOn).getTime() + 45 * 60_000),
          physioSessionId: session.id,
          createdById: by,
        },
      });
      await prisma.physioRecord.create({ data: { appointmentId: appointment.id, caseId, notes: "x", physioId: by } });
    }
  }
  for (const c of record.clearances)
    await prisma.clearance.create({
      data: {
        caseId,
        activity: c.activity,
        sport: c.activity === "other" ? "tennis" : null,
        clearedOn: dateColumn(c.clearedOn),
        clearedBy: by,
      },
    });
}

const day = (value: Date | null) => (value ? dayOfColumn(value) : null);
const siteDay = (value: Date) => dayOf(value, siteZone);
const minDay = (days: (string | null)[]) => days.filter((d): d is string => d !== null).sort()[0] ?? null;

/** Every case of the site read back as the domain's records, through the ORM, not the report's SQL. */
async function readBack(siteId: string) {
  const cases = await prisma.clinicalCase.findMany({
    where: { siteId },
    include: {
      operation: { include: { assessment: true } },
      carePlan: true,
      dressings: { include: { records: true, replacedBy: true } },
      physio: { include: { appointments: { include: { physioRecord: true } } } },
      clearances: true,
      imaging: true,
      injections: true,
      courses: true,
      listing: true,
    },
  });
  return cases.map((c) => {
    const first = c.physio.find((s) => s.number === 1);
    const record: ComplianceRecord = {
      operationDay: day(c.operation?.operationDay ?? null),
      assessedOn: day(c.operation?.assessment.assessedOn ?? null),
      crutchReview: c.carePlan && { from: day(c.carePlan.crutchReviewFrom)!, to: day(c.carePlan.crutchReviewTo)! },
      crutchesWeanedOn: day(c.carePlan?.crutchesWeanedOn ?? null),
      dressings: c.dressings.map((v) => ({
        dueOn: day(v.dueOn)!,
        status: v.status,
        replaced: v.replacedBy.length > 0,
        recordedOn: minDay(v.records.map((r) => siteDay(r.recordedAt))),
      })),
      firstPhysio: first
        ? {
            dueBy: day(first.dueBy)!,
            status: first.status,
            heldOn: minDay(first.appointments.filter((a) => a.physioRecord).map((a) => siteDay(a.startsAt))),
          }
        : null,
      clearances: c.clearances.map((k) => ({ activity: k.activity, clearedOn: day(k.clearedOn)! })),
    };
    const stages: StageDays | null = c.operation && {
      referredOn: day(c.referredOn)!,
      diagnosedOn: minDay([
        ...c.imaging.filter((i) => i.supportsDiagnosis).map((i) => day(i.performedOn)),
        ...c.injections.filter((i) => i.painRelieved).map((i) => day(i.performedOn)),
      ]),
      firstLineOn: minDay(c.courses.map((f) => day(f.startedOn))),
      listedOn: day(c.listing?.listedOn ?? null),
      operationDay: day(c.operation.operationDay)!,
    };
    return { id: c.id, record, stages };
  });
}

describe("OC-5 compliance report (SQL) against the domain measures", () => {
  it("OC-5: PO-3, PO-1, PO-4, PO-6 and SX-3 figures, the cases behind them and the longest dressing gap equal the domain's on random cases", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ record: complianceRecord(), path: pathway }), { maxLength: 7 }),
        periodArb(),
        async (specs, period: Period) => {
          const surgeon = await createActor(prisma, "surgeon");
          const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: surgeon.id } });
          for (const spec of specs) await writeCase(surgeon, siteId, spec);
          const cases = await readBack(siteId);
          const report = await complianceReport(surgeon, period, now());
          for (const [i, rule] of measuredRules.entries()) {
            const tallies = cases.map((c) => ({
              id: c.id,
              ...caseCompliance(c.record, period, today(), defaultPolicies)[rule],
            }));
            const figure = report.rules[i]!;
            const eligible = tallies.reduce((n, t) => n + t.eligible, 0);
            const met = tallies.reduce((n, t) => n + t.met, 0);
            const behind = tallies.filter((t) => t.met < t.eligible).map((t) => t.id);
            expect(figure.rule).toBe(rule);
            expect({ eligible: figure.eligible, met: figure.met, casesBehind: figure.casesBehind }, rule).toEqual({
              eligible,
              met,
              casesBehind: behind.length,
            });
            expect(figure.share).toBe(eligible === 0 ? null : met / eligible);
            expect(figure.cases!.map((c) => c.caseId).sort()).toEqual(behind.sort());
          }
          const gaps = cases.map((c) => ({ id: c.id, gap: longestDressingGap(c.record, period) }));
          const longest = gaps.reduce<number | null>(
            (m, g) => (g.gap !== null && (m === null || g.gap > m) ? g.gap : m),
            null,
          );
          const po3 = report.rules[0]!;
          expect(po3.longestGapDays).toBe(longest);
          if (longest !== null) expect(gaps.find((g) => g.id === po3.longestGapCase!.caseId)!.gap).toBe(longest);

          const { waits } = report;
          const operated = cases.flatMap((c) => (c.stages && operatedIn(c.stages, period) ? [c.stages] : []));
          expect(waits.operations).toBe(operated.length);
          expect(waits.stages).toEqual(summariseStages(waitsByStage(operated.map(stageWaits))));
        },
      ),
      { numRuns: 25 },
    );
  });
});
