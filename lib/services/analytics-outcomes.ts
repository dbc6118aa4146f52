// OC-1..OC-4 for the cohort: the operation's aim measured over the cases operated in a period.
import type { Actor } from "@/lib/auth/actor";
import type { Period } from "@/lib/schemas/analytics";
import type { OutcomesReport } from "@/lib/schemas/analytics-outcomes";

/** The outcomes of the cases operated at the actor's site in `period` (site calendar days, both ends included). */
export async function outcomesReport(actor: Actor, period: Period, now = new Date()): Promise<OutcomesReport> {
  void actor;
  void now;
  return { period };
}
