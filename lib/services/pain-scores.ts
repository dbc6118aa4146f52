// Pain scores (OC-1): recorded by a clinical role at a named time point inside its window, or
// reported by the patient (the patient's own page) and given the time point whose window holds
// its day. Each accepted score is one row; a refusal writes nothing.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import {
  checkPainScore,
  checkPainScoreDay,
  checkReportedDay,
  timepointFor,
  type PainScoreCase,
} from "@/lib/domain/pain-scores";
import { policiesOf, type ClinicPolicies } from "@/lib/domain/policies";
import { dayOf, type Day } from "@/lib/domain/time";
import { notFound } from "@/lib/domain/errors";
import type { PainTimepoint } from "@/lib/domain/vocabulary";
import type { PainScoreInput, PainScoreView } from "@/lib/schemas/pain-scores";
import { isoDate, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { lockCase, refusal } from "./case-record";

/** What the time points of a case hang on, with its patient, site zone, policies and today. */
export type PainScoreContext = {
  caseId: string;
  patientId: string;
  timeZone: string;
  today: Day;
  policies: ClinicPolicies;
  days: PainScoreCase;
};

/**
 * Loads a case's referral, listing, operation day and booked arthroscopy (the earliest still
 * booked, its day at the site) for the OC-1 windows. Throws `not_found` for an unknown case.
 */
export async function painScoreContext(tx: Tx, caseId: string, now: Date): Promise<PainScoreContext> {
  const row = await tx.clinicalCase.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      patientId: true,
      referredOn: true,
      site: { select: { timeZone: true, policies: true } },
      listing: { select: { listedOn: true } },
      operation: { select: { operationDay: true } },
      appointments: {
        where: { kind: "arthroscopy", status: "booked" },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { startsAt: true },
      },
    },
  });
  if (!row) throw notFound("The case");
  const { timeZone } = row.site;
  const booked = row.appointments[0];
  return {
    caseId: row.id,
    patientId: row.patientId,
    timeZone,
    today: dayOf(now, timeZone),
    policies: policiesOf(row.site.policies),
    days: {
      referredOn: dayOfColumn(row.referredOn),
      listedOn: row.listing ? dayOfColumn(row.listing.listedOn) : null,
      operatedOn: row.operation ? dayOfColumn(row.operation.operationDay) : null,
      arthroscopyOn: booked ? dayOf(booked.startsAt, timeZone) : null,
    },
  };
}

type PainScoreRow = {
  id: string;
  recordedOn: Date;
  score: number;
  timepoint: PainTimepoint | null;
  source: "clinician" | "patient";
};

const present = (row: PainScoreRow): PainScoreView => ({
  id: row.id,
  recordedOn: dayOfColumn(row.recordedOn),
  score: row.score,
  timepoint: row.timepoint,
  source: row.source,
});

/**
 * Records a pain score of `input.score` (0..10) at `input.timepoint`, dated `input.recordedOn`
 * (a site calendar day), for case `caseId` as `actor` (a clinical role; the edge asks the policy,
 * `outcome.recordPainScore`), at `now`. Answers the score, source "clinician". Throws a
 * DomainError: `not_found` for an unknown case; `rule` OC-1 for a day to come, a day before the
 * referral, a pre-operative score with no operation booked, a listing score before the listing, a
 * post-operative score before the operation, or a day outside the point's window (site policy
 * `painScoreWindowDays`). Nothing is written on refusal; a score is one audit row
 * (`pain_score.record`, detail `{timepoint}`).
 */
export async function recordPainScore(
  actor: Actor,
  caseId: string,
  input: PainScoreInput,
  now = new Date(),
): Promise<PainScoreView> {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const context = await painScoreContext(tx, caseId, now);
    const refused = checkPainScore(
      input.timepoint,
      input.recordedOn,
      context.days,
      context.policies.painScoreWindowDays,
      context.today,
    );
    if (refused) throw refusal(refused);
    const row = await tx.painScore.create({
      data: {
        caseId,
        recordedOn: dateColumn(input.recordedOn),
        score: input.score,
        timepoint: input.timepoint,
        source: "clinician",
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    await recordAudit(tx, actor, [
      {
        action: "pain_score.record",
        entity: "pain_score",
        entityId: row.id,
        patientId: context.patientId,
        detail: { timepoint: input.timepoint },
      },
    ]);
    return present(row);
  });
}

/**
 * For the patient's own page: records a score the patient reports (`input.score` 0..10, dated
 * `input.recordedOn`, which must be today at the site, else today) on case `caseId`, inside the
 * caller's transaction `tx` (the caller has checked the patient's link and audits the request).
 * Its time point is the one whose window holds the day (`timepointFor`), else none: an untimed
 * score, never refused for that (OC-1). One report per case and day: a second one that day
 * replaces the first (a correction, or the form sent twice). Answers the score, source
 * "patient", recorded by no staff member. Throws a DomainError: `not_found` for an unknown case;
 * `rule` OC-1 for a day other than today (checkPainScoreDay, checkReportedDay).
 */
export async function recordReportedPainScore(
  tx: Tx,
  caseId: string,
  input: { score: number; recordedOn?: Day },
  now = new Date(),
): Promise<PainScoreView> {
  await lockCase(tx, caseId);
  const context = await painScoreContext(tx, caseId, now);
  const recordedOn = input.recordedOn ?? context.today;
  const refused =
    checkPainScoreDay(recordedOn, context.days, context.today) ?? checkReportedDay(recordedOn, context.today);
  if (refused) throw refusal(refused);
  // One report per day: a second one that day (a correction, or the form sent twice) replaces it.
  // The case is locked, and a unique index holds it too.
  const earlier = await tx.painScore.findFirst({
    where: { caseId, recordedOn: dateColumn(recordedOn), source: "patient" },
    select: { id: true },
  });
  const data = {
    score: input.score,
    timepoint: timepointFor(recordedOn, context.days, context.policies.painScoreWindowDays),
    recordedAt: now,
  };
  const row = earlier
    ? await tx.painScore.update({ where: { id: earlier.id }, data })
    : await tx.painScore.create({
        data: { ...data, caseId, recordedOn: dateColumn(recordedOn), source: "patient", recordedById: null },
      });
  return present(row);
}

/** One pain score as another system reads it (the FHIR Observation), with its case and patient. */
export type PainScoreRecord = PainScoreView & {
  caseId: string;
  patientId: string;
  /** The staff member who recorded it; null for a patient-reported score. */
  recordedById: string | null;
  recordedAt: Date;
};

const recordSelect = {
  id: true,
  caseId: true,
  recordedOn: true,
  score: true,
  timepoint: true,
  source: true,
  recordedById: true,
  recordedAt: true,
  case: { select: { patientId: true } },
} as const;

const presentRecord = (
  row: PainScoreRow & { caseId: string; recordedById: string | null; recordedAt: Date; case: { patientId: string } },
): PainScoreRecord => ({
  ...present(row),
  caseId: row.caseId,
  patientId: row.case.patientId,
  recordedById: row.recordedById,
  recordedAt: row.recordedAt,
});

/**
 * Pain score `id` (the edge asks `outcome.read`, as GET /api/v1/cases/{id}/outcomes does).
 * Throws `not_found` for an unknown id. One audit row (`case.outcomes.read`, entity pain_score).
 */
export async function readPainScoreRecord(actor: Actor, id: string): Promise<PainScoreRecord> {
  return db().$transaction(async (tx) => {
    const row = await tx.painScore.findUnique({ where: { id }, select: recordSelect });
    if (!row) throw notFound("The pain score");
    await recordAudit(tx, actor, [
      { action: "case.outcomes.read", entity: "pain_score", entityId: id, patientId: row.case.patientId },
    ]);
    return presentRecord(row);
  });
}

/** What a pain-score search may name; all given must hold. */
export type PainScoreSearch = {
  /** Scores of every case of this patient. */
  patientId?: string;
  /** Recorded on or after this day (YYYY-MM-DD). */
  recordedFrom?: Day;
  /** Recorded before this day. */
  recordedBefore?: Day;
};

const painScoreCursor = z.strictObject({ recordedOn: isoDate, id: uuid });

/**
 * Pain scores matching `search`, `page.limit` per page in (recorded day, id) order after
 * `page.cursor`; served by the (case_id, recorded_on) index for one patient's cases and by
 * (recorded_on, id) otherwise. One list-read audit row per page (`case.outcomes.read`, naming
 * the page's patients). Throws `invalid` at `cursor` for a cursor this search did not return.
 */
export async function searchPainScoreRecords(
  actor: Actor,
  search: PainScoreSearch,
  page: { limit: number; cursor?: string },
): Promise<{ items: PainScoreRecord[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, painScoreCursor) : null;
  const recordedOn = {
    ...(search.recordedFrom ? { gte: dateColumn(search.recordedFrom) } : {}),
    ...(search.recordedBefore ? { lt: dateColumn(search.recordedBefore) } : {}),
  };
  return db().$transaction(async (tx) => {
    const rows = await tx.painScore.findMany({
      where: {
        AND: [
          search.patientId ? { case: { patientId: search.patientId } } : {},
          { recordedOn },
          after
            ? {
                OR: [
                  { recordedOn: { gt: dateColumn(after.recordedOn) } },
                  { recordedOn: dateColumn(after.recordedOn), id: { gt: after.id } },
                ],
              }
            : {},
        ],
      },
      orderBy: [{ recordedOn: "asc" }, { id: "asc" }],
      take: page.limit + 1,
      select: recordSelect,
    });
    const items = rows.slice(0, page.limit).map(presentRecord);
    await recordListRead(tx, actor, {
      action: "case.outcomes.read",
      entity: "pain_score",
      itemPatientIds: items.map((s) => s.patientId),
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > page.limit && last ? encodeCursor({ recordedOn: last.recordedOn, id: last.id }) : null,
    };
  });
}
