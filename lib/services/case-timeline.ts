// What was recorded on a case besides its status changes and acknowledged alerts (dressing visits,
// physiotherapy sessions, clearances), for the case's timeline: staff see each record they make
// appear in the same place as the pathway's decisions.
import type { Tx } from "@/lib/db/client";
import { formatDay } from "@/lib/domain/date-format";
import { dayOfColumn } from "@/lib/db/dates";

/** One recorded event: `at` an ISO instant, `what` a plain sentence, `by` the staff member's name. */
export type CaseEvent = { at: string; what: string; by: string; note?: string };

const wound = {
  clean_dry: "clean and dry",
  exudate: "exudate",
  signs_of_infection: "signs of infection",
  healed: "healed",
} as const;

/** The case's recorded events, oldest first. Clinical detail: only for roles that read the clinical record. */
export async function caseEvents(tx: Tx, caseId: string): Promise<CaseEvent[]> {
  const by = { select: { name: true } } as const;
  const [dressings, physio, clearances] = await Promise.all([
    tx.dressingRecord.findMany({ where: { caseId }, include: { nurse: by } }),
    tx.physioRecord.findMany({ where: { caseId }, include: { physio: by } }),
    tx.clearance.findMany({ where: { caseId }, include: { by } }),
  ]);
  const events: CaseEvent[] = [
    ...dressings.map((d) => ({
      at: d.recordedAt.toISOString(),
      what: `Dressing visit recorded: wound ${wound[d.woundState]}`,
      by: d.nurse.name,
      ...(d.notes ? { note: d.notes } : {}),
    })),
    ...physio.map((p) => ({
      at: p.recordedAt.toISOString(),
      what: "Physiotherapy session recorded",
      by: p.physio.name,
      note: p.notes,
    })),
    ...clearances.map((c) => ({
      at: c.recordedAt.toISOString(),
      what: `Cleared for ${c.activity === "other" ? (c.sport ?? "another sport") : c.activity} from ${formatDay(dayOfColumn(c.clearedOn))}`,
      by: c.by.name,
    })),
  ];
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
