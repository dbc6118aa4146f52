// OC-5: how well the clinic keeps its own protocol, per rule, over a period.
import type { Actor } from "@/lib/auth/actor";
import type { Period } from "@/lib/schemas/analytics";
import type { ComplianceReport } from "@/lib/schemas/analytics-compliance";

/** OC-5 compliance per rule for the actor's site over `period` (site calendar days, both ends included). */
export async function complianceReport(actor: Actor, period: Period, now = new Date()): Promise<ComplianceReport> {
  void actor;
  void now;
  return { period };
}
