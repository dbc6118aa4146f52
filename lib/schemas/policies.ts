import { z } from "zod";
import { reminderLimits, theatreSessionNames } from "@/lib/domain/policies";
import { appointmentKinds, painTimepoints } from "@/lib/domain/vocabulary";

const days = (min: number, max: number) =>
  z.number().int("Whole days").min(min, `At least ${min}`).max(max, `At most ${max}`);
const wallClockPattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const wallClock = z.string().regex(wallClockPattern, "A time of day, HH:MM (24-hour)");
// Compared only when both are HH:MM: a malformed time is reported once, by its own field.
const before = (earlier: string, later: string, orEqual = false) =>
  !wallClockPattern.test(earlier) || !wallClockPattern.test(later) || earlier < later || (orEqual && earlier === later);
const session = z
  .object({ start: wallClock, end: wallClock })
  .strict()
  .refine((s) => before(s.start, s.end), { message: "The session ends after it starts", path: ["end"] });
// A reminder before each appointment: so many calendar days before its day, at a site wall-clock time.
const reminder = z.object({ daysBefore: days(0, reminderLimits.daysBefore), at: wallClock }).strict();
const reminders = z
  .array(reminder)
  .max(reminderLimits.count, `At most ${reminderLimits.count} reminders`)
  .superRefine((list, context) => {
    const seen = new Set<string>();
    list.forEach((r, index) => {
      const key = `${r.daysBefore} ${r.at}`;
      if (seen.has(key)) context.addIssue({ code: "custom", message: "The same reminder twice", path: [index, "at"] });
      seen.add(key);
    });
  });
const minutes = z.number().int("Whole minutes").min(5, "At least 5").max(480, "At most 480");

export const policiesInput = z
  .object({
    assessmentValidityDays: days(1, 365),
    dressingPlannedUntilDay: days(2, 60).refine((d) => d % 2 === 0, "Dressings fall on even days"),
    physioFirstWithinDays: days(1, 30),
    // Digits with the spaces, brackets, hyphens and leading "+" people write them with.
    clinicPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,24}$/, "A phone number: digits, spaces, brackets, hyphens, an optional leading +")
      .nullable()
      .optional(),
    // WL-2: the referral-to-treatment target; WL-5: the half-day theatre sessions.
    rttTargetWeeks: z.number().int("Whole weeks").min(1, "At least 1").max(52, "At most 52").optional(),
    theatreSessions: z
      .object(
        Object.fromEntries(theatreSessionNames.map((n) => [n, session])) as Record<
          (typeof theatreSessionNames)[number],
          typeof session
        >,
      )
      .strict()
      .refine((s) => before(s.morning.end, s.afternoon.start, true), {
        message: "The morning session ends by the time the afternoon one starts",
        path: ["afternoon", "start"],
      })
      .optional(),
    // OC-1: each pain time point's window in calendar days; OC-4: the important fall in points.
    painScoreWindowDays: z
      .object(
        Object.fromEntries(painTimepoints.map((p) => [p, days(1, 90)])) as Record<
          (typeof painTimepoints)[number],
          ReturnType<typeof days>
        >,
      )
      .strict()
      .optional(),
    importantPainDifference: z.number().int("Whole points").min(1, "At least 1").max(10, "At most 10").optional(),
    // Reminders before each appointment, and how long a link to the patient's page lasts.
    reminders: reminders.optional(),
    portalLinkDays: days(1, 365).optional(),
    durations: z
      .object(
        Object.fromEntries(appointmentKinds.map((k) => [k, minutes])) as Record<
          (typeof appointmentKinds)[number],
          typeof minutes
        >,
      )
      .strict(),
  })
  .strict()
  .meta({ id: "ClinicPolicies" });
export type PoliciesInput = z.infer<typeof policiesInput>;
