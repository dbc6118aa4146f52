import { z } from "zod";
import { appointmentKinds } from "@/lib/domain/vocabulary";

const days = (min: number, max: number) =>
  z.number().int("Whole days").min(min, `At least ${min}`).max(max, `At most ${max}`);
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
