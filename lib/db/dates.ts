import type { Day } from "@/lib/domain/time";

// PostgreSQL `date` columns travel as Date objects at UTC midnight.
export const dateColumn = (day: Day): Date => new Date(`${day}T00:00:00Z`);
export const dayOfColumn = (value: Date): Day => value.toISOString().slice(0, 10);
