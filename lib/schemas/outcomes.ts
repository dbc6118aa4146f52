import { z } from "zod";
import {
  clavienDindoGrades,
  complicationKinds,
  painTimepoints,
  returnActivities,
  scoreSources,
} from "@/lib/domain/vocabulary";
import { isoDate } from "./common";

const timepoint = z.enum(painTimepoints);

/** GET /cases/{id}/outcomes: the pain series (OC-1), its baseline and changes (OC-4), returns (OC-2), complications (OC-3). */
export const caseOutcomes = z
  .object({
    painScores: z.array(
      z
        .object({
          recordedOn: isoDate,
          score: z.number().int().min(0).max(10),
          timepoint: timepoint.nullable(),
          source: z.enum(scoreSources),
        })
        .strict(),
    ),
    baseline: z
      .object({
        timepoint: z.enum(["pre_op", "listing", "referral"]),
        score: z.number().int().min(0).max(10),
        recordedOn: isoDate,
      })
      .strict()
      .nullable(),
    changes: z.array(z.object({ timepoint, change: z.number().int(), important: z.boolean() }).strict()),
    returns: z.array(
      z
        .object({
          activity: z.enum(returnActivities),
          sport: z.string().nullable(),
          resumedOn: isoDate,
          previousLevel: z.boolean().nullable(),
        })
        .strict(),
    ),
    complications: z.array(
      z
        .object({
          occurredOn: isoDate,
          kind: z.enum(complicationKinds),
          grade: z.enum(clavienDindoGrades),
          notes: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "CaseOutcomes" });
export type CaseOutcomes = z.infer<typeof caseOutcomes>;
