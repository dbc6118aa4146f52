import { z } from "zod";
import { isoDate } from "./common";

/** OC-1..OC-4 for the cohort operated in a period (GET /api/v1/analytics/outcomes). */
export const outcomesReport = z.object({ period: z.object({ from: isoDate, to: isoDate }) });
export type OutcomesReport = z.infer<typeof outcomesReport>;
