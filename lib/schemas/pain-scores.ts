import { z } from "zod";
import { painTimepoints, scoreSources } from "@/lib/domain/vocabulary";
import { isoDate, uuid } from "./common";

/** OC-1: 0 no pain .. 10 worst imaginable, whole points. */
export const painScoreValue = z.number().int().min(0).max(10);

/** A pain score staff record: its day (site calendar), the score and the time point it answers (OC-1). */
export const painScoreInput = z
  .object({ recordedOn: isoDate, score: painScoreValue, timepoint: z.enum(painTimepoints) })
  .strict()
  .meta({ id: "PainScoreInput" });
export type PainScoreInput = z.infer<typeof painScoreInput>;

/** A recorded pain score; `timepoint` null: a patient's score that no time point's window holds (OC-1). */
export const painScoreView = z
  .object({
    id: uuid,
    recordedOn: isoDate,
    score: painScoreValue,
    timepoint: z.enum(painTimepoints).nullable(),
    source: z.enum(scoreSources),
  })
  .strict()
  .meta({ id: "PainScore" });
export type PainScoreView = z.infer<typeof painScoreView>;

/**
 * A pain score the patient reports on their own page (OC-1): the score and, optionally, its day
 * (a site calendar day; absent: today at the site). The time point is found from the day.
 */
export const reportedPainScoreInput = z
  .object({ score: painScoreValue, recordedOn: isoDate.optional() })
  .strict()
  .meta({ id: "ReportedPainScoreInput" });
export type ReportedPainScoreInput = z.infer<typeof reportedPainScoreInput>;
