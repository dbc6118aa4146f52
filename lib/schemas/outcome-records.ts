// Payloads of the outcome records: the return to an activity (OC-2) and a complication (OC-3).
import { z } from "zod";
import { clavienDindoGrades, complicationKinds, returnActivities } from "@/lib/domain/vocabulary";
import { isoDate, optionalText, uuid } from "./common";

/** OC-2: the patient's own sport is named for `sport`, and only then. */
export const activityReturnInput = z
  .object({
    activity: z.enum(returnActivities),
    resumedOn: isoDate,
    sport: optionalText(100),
    previousLevel: z.boolean().nullish(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.activity === "sport" && !value.sport)
      context.addIssue({ code: "custom", path: ["sport"], message: "Name the patient's sport" });
    if (value.activity !== "sport" && value.sport)
      context.addIssue({
        code: "custom",
        path: ["sport"],
        message: "A sport is named only for the patient's own sport",
      });
  })
  .meta({ id: "ActivityReturnInput" });
export type ActivityReturnInput = z.infer<typeof activityReturnInput>;

/** OC-2: a recorded return, read against the operation and the leaflet's timetable (PO-6). */
export const activityReturnView = z
  .object({
    id: uuid,
    activity: z.enum(returnActivities),
    sport: z.string().nullable(),
    resumedOn: isoDate,
    previousLevel: z.boolean().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    /** Calendar days from the operation (day 0). */
    dayAfterOperation: z.number().int(),
    /** The leaflet's first day for the activity (null for the patient's own sport). */
    allowedFrom: isoDate.nullable(),
    allowedFromDay: z.number().int().nullable(),
    daysAfterAllowed: z.number().int().nullable(),
    summary: z.string(),
  })
  .meta({ id: "ActivityReturn" });
export type ActivityReturnView = z.infer<typeof activityReturnView>;

export const activityReturnList = z.object({ items: z.array(activityReturnView) }).meta({ id: "ActivityReturnList" });

/** OC-3: "other" is described in the notes; `dressingRecordId` names the dressing visit it was raised from. */
export const complicationInput = z
  .object({
    occurredOn: isoDate,
    kind: z.enum(complicationKinds),
    grade: z.enum(clavienDindoGrades),
    notes: optionalText(2000, { multiline: true }),
    dressingRecordId: uuid.nullish(),
  })
  .strict()
  .refine((value) => value.kind !== "other" || Boolean(value.notes), {
    path: ["notes"],
    message: "Describe the complication",
  })
  .meta({ id: "ComplicationInput" });
export type ComplicationInput = z.infer<typeof complicationInput>;

export const complicationView = z
  .object({
    id: uuid,
    occurredOn: isoDate,
    kind: z.enum(complicationKinds),
    grade: z.enum(clavienDindoGrades),
    notes: z.string().nullable(),
    dressingRecordId: uuid.nullable(),
    dayAfterOperation: z.number().int(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "Complication" });
export type ComplicationView = z.infer<typeof complicationView>;

/** A dressing visit with signs of infection whose complication the surgeon has not recorded yet. */
export const complicationOffer = z
  .object({ dressingRecordId: uuid, visitOn: isoDate, kind: z.literal("wound_infection") })
  .meta({ id: "ComplicationOffer" });
export type ComplicationOffer = z.infer<typeof complicationOffer>;

export const complicationList = z
  .object({ items: z.array(complicationView), offers: z.array(complicationOffer) })
  .meta({ id: "ComplicationList" });
