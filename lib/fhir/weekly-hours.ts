import type { WeeklyHours } from "@/lib/domain/scheduling";

/** FHIR R4 days-of-week codes, by ISO weekday (1 = Monday .. 7 = Sunday). */
const dayCodes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type DayOfWeek = (typeof dayCodes)[number];

/**
 * A weekly pattern (ISO weekdays, HH:MM clock times) as FHIR R4 weekly periods: one per distinct
 * (start, end) pair with the days it holds, in the order of first day then start; times as FHIR
 * `time` (HH:MM:SS), local to the site (FHIR `time` carries no zone). Empty for no hours.
 */
export function weeklyPeriods(weekly: WeeklyHours[]): { days: DayOfWeek[]; start: string; end: string }[] {
  const periods = new Map<string, { days: DayOfWeek[]; start: string; end: string; first: number }>();
  for (const hours of [...weekly].sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt))) {
    const key = `${hours.startsAt}-${hours.endsAt}`;
    const period = periods.get(key) ?? {
      days: [],
      start: `${hours.startsAt}:00`,
      end: `${hours.endsAt}:00`,
      first: hours.weekday,
    };
    const day = dayCodes[hours.weekday - 1];
    if (day && !period.days.includes(day)) period.days.push(day);
    periods.set(key, period);
  }
  return [...periods.values()]
    .filter((p) => p.days.length)
    .sort((a, b) => a.first - b.first || a.start.localeCompare(b.start))
    .map(({ days, start, end }) => ({ days, start, end }));
}
