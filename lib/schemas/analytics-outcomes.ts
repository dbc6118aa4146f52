import { z } from "zod";
import { improvementTimepoints } from "@/lib/domain/outcome-measures";
import { clavienDindoGrades, complicationKinds, painTimepoints, returnActivities } from "@/lib/domain/vocabulary";
import { isoDate } from "./common";

const count = z.number().int().nonnegative();
const score = z.number().int().min(0).max(10).nullable();
const share = z.number().min(0).max(1).nullable();
const caseIds = z
  .array(z.string())
  .optional()
  .meta({ description: "The cases behind the figure; only for roles that may read the cases' clinical record" });

/** The tables of the outcomes report that download as CSV. */
export const outcomeTables = ["pain", "improvement", "returns", "complications"] as const;
export type OutcomeTable = (typeof outcomeTables)[number];

/** The cohort's outcomes (OC-1..OC-4) for the cases operated in a period at the actor's site. */
export const outcomesReport = z
  .object({
    period: z.object({ from: isoDate, to: isoDate }),
    operations: count.meta({ description: "Cases (operated ankles) whose operation day is in the period" }),
    pain: z
      .array(
        z.object({
          timepoint: z.enum(painTimepoints),
          patients: count,
          lowerQuartile: score,
          median: score,
          upperQuartile: score,
          caseIds,
        }),
      )
      .meta({
        description:
          "OC-1: per time point, the operated patients with a score there and the nearest-rank quartiles of their scores (one score each: latest day, then latest entered)",
      }),
    improvement: z
      .object({
        importantDifference: z.number().int().positive(),
        points: z.array(
          z.object({
            timepoint: z.enum(improvementTimepoints),
            improved: count,
            measured: count.meta({
              description: "Patients with a baseline and a score at the point (the denominator)",
            }),
            share,
            caseIds,
            improvedCaseIds: caseIds,
          }),
        ),
      })
      .meta({
        description:
          "OC-4: the share whose pain fell by at least the important difference below the baseline (pre-operative, else listing, else referral score)",
      }),
    returns: z.array(
      z.object({ activity: z.enum(returnActivities), returned: count, medianDays: count.nullable(), caseIds }),
    ),
    running: z
      .object({
        operated: count,
        followed: count.meta({ description: "Operated patients whose two-month milestone is today or earlier" }),
        back: count.meta({ description: "Of them, those who ran again on or before the milestone" }),
        share,
        curve: z.array(z.object({ day: count, returned: count })),
        caseIds,
      })
      .meta({ description: "OC-2: running against the two-month milestone (operation + 2 calendar months)" }),
    complications: z.object({
      operations: count,
      total: count,
      byKind: z.array(z.object({ kind: z.enum(complicationKinds), count, per100: z.number().nullable(), caseIds })),
      byGrade: z.array(z.object({ grade: z.enum(clavienDindoGrades), count, per100: z.number().nullable(), caseIds })),
      byKindAndGrade: z.array(z.object({ kind: z.enum(complicationKinds), grade: z.enum(clavienDindoGrades), count })),
    }),
  })
  .meta({ id: "OutcomesReport" });

export type OutcomesReport = z.infer<typeof outcomesReport>;

/** `?from=&to=&table=`: one table of the outcomes report as CSV (the period as `periodQuery`'s). */
export const outcomesCsvQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), table: z.enum(outcomeTables) })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The end of the period is on or after its start",
    path: ["to"],
  });
