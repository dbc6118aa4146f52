import { z } from "zod";
import { daysBetween } from "@/lib/domain/time";
import { appointmentKinds, roomKinds } from "@/lib/domain/vocabulary";
import { isCalendarDate, isoDate, text } from "./common";

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

// Leave runs over whole calendar days at the site; a year is the longest one entry covers.
const longestLeaveDays = 366;
const days = { onDate: isoDate, untilDate: isoDate.optional() };
// Compared only when both are calendar dates: a malformed one is reported once, by its own field.
const bothDays = (e: { onDate: string; untilDate?: string }) =>
  Boolean(e.untilDate) && isCalendarDate(e.onDate) && isCalendarDate(e.untilDate!);
const dayRange = <S extends z.ZodType<{ onDate: string; untilDate?: string }>>(schema: S) =>
  schema
    .refine((e) => !bothDays(e) || e.untilDate! >= e.onDate, {
      path: ["untilDate"],
      message: "Must be on or after the first day",
    })
    .refine((e) => !bothDays(e) || daysBetween(e.onDate, e.untilDate!) < longestLeaveDays, {
      path: ["untilDate"],
      message: `At most ${longestLeaveDays} days at once`,
    });
const dayHours = <S extends z.ZodType<{ startsAt?: string; endsAt?: string }>>(schema: S) =>
  schema
    .refine((e) => Boolean(e.startsAt) === Boolean(e.endsAt), {
      path: ["endsAt"],
      message: "Give both times, or neither for a day off",
    })
    .refine((e) => ordered(e.startsAt, e.endsAt), { path: ["endsAt"], message: "Must be after the start" });
const leaveFields = { ...days, startsAt: clock.optional(), endsAt: clock.optional() };

/** Days, both included, with no times (off all day) or the hours worked on each of them. */
export const leaveQuery = dayHours(dayRange(z.object(leaveFields).strict()));
export type LeaveQuery = z.infer<typeof leaveQuery>;
/** The days of `leaveQuery` alone, for removing what is recorded on them. */
export const leaveDays = dayRange(z.object(days).strict());

export const hoursException = dayHours(
  dayRange(
    z
      .object({
        ...leaveFields,
        reason: text(200, { multiline: true }),
        acceptClashes: z.boolean().optional().meta({
          description: "Save even though booked appointments fall outside these hours (they stay booked, to move)",
        }),
      })
      .strict(),
  ),
).meta({
  id: "HoursException",
  description:
    "Leave (no times) or other hours, from `onDate` to `untilDate` (both included, default one day); refused with 422 SC-2 and `clashes` when bookings fall outside them, unless `acceptClashes`",
});
export type HoursExceptionInput = z.infer<typeof hoursException>;

export const leaveClash = z.object({
  appointmentId: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(appointmentKinds),
  patient: z.object({ id: z.string(), mrn: z.string(), name: z.string() }),
});
export type LeaveClash = z.infer<typeof leaveClash>;
// The same shape as the 422 SC-2 refusal's `clashes`, which the form shows when a preview was skipped.
export const leaveClashes = z.object({ clashes: z.array(leaveClash) }).meta({ id: "LeaveClashes" });

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
