import type { TheatreSessionName } from "@/lib/domain/policies";
import type { Admission, Side } from "@/lib/domain/vocabulary";

export const sessionLabel: Record<TheatreSessionName, string> = { morning: "Morning", afternoon: "Afternoon" };
export const sideLabel: Record<Side, string> = { left: "Left", right: "Right" };
export const admissionLabel: Record<Admission, string> = { day_case: "Day case", inpatient: "Inpatient" };

/**
 * A session's utilisation (booked minutes / session minutes, WL-5) in words: empty, under half
 * booked, over half booked, fully booked (from 90%), or overrunning (above 100%: the list runs
 * past the session's end).
 */
export function utilisationWords(utilisation: number): string {
  if (utilisation === 0) return "Empty";
  if (utilisation > 1) return "Overrunning: booked past the session's end";
  if (utilisation >= 0.9) return "Fully booked";
  if (utilisation >= 0.5) return "Over half booked";
  return "Under half booked";
}
