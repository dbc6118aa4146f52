import { z } from "zod";
import { isoDate } from "./common";

/** OC-5: the compliance report of a period (GET /api/v1/analytics/compliance). */
export const complianceReport = z.object({ period: z.object({ from: isoDate, to: isoDate }) });
export type ComplianceReport = z.infer<typeof complianceReport>;
