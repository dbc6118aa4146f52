import { instantAt } from "@/lib/domain/time";
import type { AppointmentKind } from "@/lib/domain/vocabulary";

export const kindLabel: Record<AppointmentKind, string> = {
  consultation: "Consultation",
  follow_up: "Follow-up",
  imaging: "Imaging",
  injection: "Guided injection",
  anaesthesia_assessment: "Anaesthesia assessment",
  arthroscopy: "Arthroscopy",
  dressing: "Dressing",
  physio: "Physiotherapy",
};

/** A datetime-local value ("2026-12-01T09:30") read as wall-clock time in the site's zone. */
export function wallClockToInstant(value: string, timeZone: string): string {
  const [day, time] = value.split("T");
  const [h, m] = (time ?? "").split(":").map(Number);
  return day && time ? instantAt(day, h!, m!, timeZone).toISOString() : "";
}
