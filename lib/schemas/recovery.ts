import { z } from "zod";
import { alertKinds } from "@/lib/domain/recovery";
import { woundStates } from "@/lib/domain/vocabulary";
import { isoDate, optionalText, text, uuid, withoutControls } from "./common";

const note = (max: number) => optionalText(max, { multiline: true });

export const dressingRecordInput = z
  .object({ woundState: z.enum(woundStates), notes: note(2000) })
  .strict()
  .meta({ id: "DressingRecordInput" });
export const physioRecordInput = z
  .object({ notes: text(4000, { multiline: true }), exercises: note(2000), progress: note(2000) })
  .strict()
  .meta({ id: "PhysioRecordInput" });
/** The alerts of one case a surgeon acknowledges (their `key`s, as the board gives them), with one note. */
export const acknowledgeInput = z
  .object({
    keys: z
      .array(withoutControls(z.string()).min(1).max(100))
      .min(1)
      .max(100)
      .refine((keys) => new Set(keys).size === keys.length, "Each alert once"),
    note: text(1000, { multiline: true }),
  })
  .strict()
  .meta({ id: "AlertAcknowledgementInput" });
export const replacementInput = z.object({ visitId: uuid }).strict().meta({ id: "DressingReplacementInput" });
export const roundQuery = z.object({ date: isoDate.optional() });

/** A dressing recorded (PO-3): the record, and when the next one is due unless the series ended. */
export const dressingRecordResult = z
  .object({
    id: uuid,
    woundState: z.enum(woundStates),
    seriesEnded: z.boolean(),
    nextDueOn: z.string().nullable(),
  })
  .meta({ id: "DressingRecordResult" });
/** A physiotherapy session recorded (PO-4). */
export const physioRecordResult = z.object({ id: uuid }).meta({ id: "PhysioRecordResult" });
/** A missed dressing replaced (PO-3): the new visit and its day. */
export const dressingReplacement = z.object({ id: uuid, dueOn: z.string() }).meta({ id: "DressingReplacement" });
const alert = z.object({
  key: z.string(),
  kind: z.enum(alertKinds),
  rule: z.string(),
  message: z.string(),
  on: z
    .string()
    .nullable()
    .meta({ description: "The day the alert is about (a dressing, a session not attended); null otherwise" }),
  rebook: z.object({ appointmentId: z.string() }).optional().meta({
    description: "The appointment the patient did not attend, when the reader may book the same visit or session again",
  }),
  complication: z.object({ dressingRecordId: z.string() }).optional().meta({
    description:
      "OC-3: the infected dressing record whose complication is not recorded yet, when the reader records complications",
  }),
});
/** An acknowledgement: who, when, the note, and the alerts it covered in the words the surgeon saw. */
export const alertAcknowledgement = z
  .object({
    id: uuid,
    caseId: uuid,
    note: z.string(),
    at: z.string(),
    by: z.string(),
    alerts: z.array(z.object({ key: z.string(), kind: z.string(), message: z.string() })),
  })
  .meta({ id: "AlertAcknowledgement" });
/** One row per operated case; cases with signs of infection first, then those with open alerts. */
export const recoveryBoardView = z
  .object({
    items: z.array(
      z.object({
        caseId: uuid,
        patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
        side: z.string(),
        operationDate: z.string(),
        day: z.number(),
        nextDressing: z.object({ dueOn: z.string(), bookedAt: z.string().nullable() }).nullable(),
        lastWoundState: z.enum(woundStates).nullable(),
        alerts: z.array(alert).meta({
          description:
            "The case's open alerts: signs of infection first, then missed dressings (oldest first), crutches (PO-1), physiotherapy (PO-4)",
        }),
        milestones: z.object({
          offCrutches: z.string().nullable().meta({
            description:
              "PO-1: the recorded weaning, else the first sport clearance (a cleared patient is off crutches)",
          }),
          cleared: z.array(z.string()).meta({ description: "PO-6: the activities cleared, in date order" }),
        }),
      }),
    ),
  })
  .meta({ id: "RecoveryBoard" });
export type RecoveryBoard = z.infer<typeof recoveryBoardView>;

export const dressingRoundView = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    items: z.array(
      z.object({
        /** null: due that day but not booked; record it through its visit. */
        appointmentId: uuid.nullable(),
        visitId: uuid.nullable(),
        caseId: uuid,
        start: z.string().nullable(),
        dueOn: z.string().nullable(),
        patient: z.object({ name: z.string(), mrn: z.string() }),
        nurse: z.string().nullable(),
        place: z.string(),
        day: z.number().nullable(),
        lastWoundState: z.enum(woundStates).nullable(),
        recorded: z.object({ woundState: z.enum(woundStates), notes: z.string().nullable() }).nullable(),
      }),
    ),
  })
  .meta({ id: "DressingRound" });
export type DressingRound = z.infer<typeof dressingRoundView>;
