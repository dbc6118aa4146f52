import { z } from "zod";
import { roomKinds } from "@/lib/domain/vocabulary";
import { isoDate, text } from "./common";

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().regex(clockPattern, "Use the form HH:MM");
// Compared only when both are clock times: a malformed one is reported once, by its own field.
const ordered = (from?: string, to?: string) =>
  !from || !to || !clockPattern.test(from) || !clockPattern.test(to) || from < to;
const period = z
  .object({ weekday: z.number().int().min(1).max(7), startsAt: clock, endsAt: clock })
  .refine((p) => ordered(p.startsAt, p.endsAt), { path: ["endsAt"], message: "Must be after the start" });

export const weeklyHours = z
  .object({ weekly: z.array(period).max(21) })
  .strict()
  .meta({ id: "WeeklyHours" });
export type WeeklyHoursInput = z.infer<typeof weeklyHours>;

export const hoursException = z
  .object({
    onDate: isoDate,
    startsAt: clock.optional(),
    endsAt: clock.optional(),
    reason: text(200, { multiline: true }),
  })
  .strict()
  .refine((e) => Boolean(e.startsAt) === Boolean(e.endsAt), {
    path: ["endsAt"],
    message: "Give both times, or neither for a day off",
  })
  .refine((e) => ordered(e.startsAt, e.endsAt), { path: ["endsAt"], message: "Must be after the start" })
  .meta({ id: "HoursException" });

export const hoursView = z
  .object({
    weekly: z.array(z.object({ weekday: z.number(), startsAt: z.string(), endsAt: z.string() })),
    exceptions: z.array(
      z.object({
        id: z.string(),
        onDate: z.string(),
        startsAt: z.string().nullable(),
        endsAt: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: "Hours" });

export const roomInput = z
  .object({ name: text(100), kind: z.enum(roomKinds) })
  .strict()
  .meta({ id: "RoomInput" });
