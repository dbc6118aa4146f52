// Clinic settings the protocol leaves to each site, with their defaults. A site may override
// them (site.policies); every rule reads them from here, never from a literal.

import { painTimepoints, type AppointmentKind, type PainTimepoint } from "./vocabulary";

export type ClinicPolicies = {
  /** SC-5: default length of each kind of appointment, in minutes. */
  durations: Record<AppointmentKind, number>;
  /** SX-3: days an anaesthesia assessment stays valid. */
  assessmentValidityDays: number;
  /** PO-3: the dressing series is planned to this day (and goes on while the wound is not healed). */
  dressingPlannedUntilDay: number;
  /** PO-4: the first physiotherapy session falls within this many days of the operation. */
  physioFirstWithinDays: number;
  /** The number the printed plan tells patients to call; null until the administrator sets it. */
  clinicPhone: string | null;
  /** WL-2: the referral-to-treatment target, in weeks (18: 126 calendar days). */
  rttTargetWeeks: number;
  /** WL-5: the half-day theatre sessions, "HH:MM" wall-clock times of the site. */
  theatreSessions: Record<TheatreSessionName, { start: string; end: string }>;
  /**
   * OC-1: each pain time point's window, in calendar days: after the operation, +/- this many
   * days around the point's target day; "pre_op", this many days before the operation day;
   * "referral", this many days from referral; "listing", +/- around the listing day.
   */
  painScoreWindowDays: Record<PainTimepoint, number>;
  /** OC-4: the fall in pain score, in points, that counts as a clinically important improvement. */
  importantPainDifference: number;
  /**
   * Reminders before each appointment: each `daysBefore` calendar days before the appointment's
   * day, at `at` ("HH:MM" site wall-clock time). A reminder whose time is past, or not before the
   * appointment's start, is not sent.
   */
  reminders: Reminder[];
  /** Calendar days a link to the patient's own page stays valid. */
  portalLinkDays: number;
};

/** One reminder before an appointment (see ClinicPolicies.reminders). */
export type Reminder = { daysBefore: number; at: string };

/** At most this many reminders per appointment, and at most this many days before it. */
export const reminderLimits = { count: 4, daysBefore: 14 } as const;

export const theatreSessionNames = ["morning", "afternoon"] as const;
export type TheatreSessionName = (typeof theatreSessionNames)[number];

export const defaultPolicies: ClinicPolicies = {
  durations: {
    consultation: 20,
    follow_up: 15,
    imaging: 30,
    injection: 30,
    anaesthesia_assessment: 30,
    arthroscopy: 90,
    dressing: 20,
    physio: 45,
  },
  assessmentValidityDays: 90,
  dressingPlannedUntilDay: 14,
  physioFirstWithinDays: 7,
  clinicPhone: null,
  rttTargetWeeks: 18,
  theatreSessions: { morning: { start: "08:00", end: "13:00" }, afternoon: { start: "13:00", end: "18:00" } },
  painScoreWindowDays: { referral: 14, listing: 14, pre_op: 30, week_6: 14, month_3: 14, month_6: 30, month_12: 30 },
  importantPainDifference: 2,
  reminders: [
    { daysBefore: 2, at: "18:00" },
    { daysBefore: 0, at: "07:00" },
  ],
  portalLinkDays: 90,
};

const wallClock = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The site's sessions when each is a sound "HH:MM" range and the morning ends by the afternoon's start. */
function sessionsOf(given: unknown): ClinicPolicies["theatreSessions"] {
  const g = (given && typeof given === "object" ? given : {}) as Record<string, { start?: unknown; end?: unknown }>;
  const sound = (s: { start?: unknown; end?: unknown } | undefined): s is { start: string; end: string } =>
    !!s &&
    typeof s.start === "string" &&
    typeof s.end === "string" &&
    wallClock.test(s.start) &&
    wallClock.test(s.end) &&
    s.start < s.end;
  const { morning, afternoon } = g;
  if (sound(morning) && sound(afternoon) && morning.end <= afternoon.start)
    return {
      morning: { start: morning.start, end: morning.end },
      afternoon: { start: afternoon.start, end: afternoon.end },
    };
  return defaultPolicies.theatreSessions;
}

const positiveWhole = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

/** The site's reminders when every one is sound and none repeats; the defaults otherwise. */
function remindersOf(given: unknown): Reminder[] {
  if (!Array.isArray(given) || given.length > reminderLimits.count) return defaultPolicies.reminders;
  const sound = given.every(
    (r: unknown) =>
      !!r &&
      typeof r === "object" &&
      Number.isInteger((r as Reminder).daysBefore) &&
      (r as Reminder).daysBefore >= 0 &&
      (r as Reminder).daysBefore <= reminderLimits.daysBefore &&
      typeof (r as Reminder).at === "string" &&
      wallClock.test((r as Reminder).at),
  );
  const keys = new Set(given.map((r: Reminder) => `${r.daysBefore} ${r.at}`));
  if (!sound || keys.size !== given.length) return defaultPolicies.reminders;
  return given.map((r: Reminder) => ({ daysBefore: r.daysBefore, at: r.at }));
}

/** A site's policies: its own overrides where they are sound, the defaults elsewhere. */
export function policiesOf(overrides: unknown): ClinicPolicies {
  const given = (overrides && typeof overrides === "object" ? overrides : {}) as Record<string, unknown>;
  const durations = { ...defaultPolicies.durations };
  const givenDurations = (given.durations && typeof given.durations === "object" ? given.durations : {}) as Record<
    string,
    unknown
  >;
  for (const kind of Object.keys(durations) as AppointmentKind[]) {
    if (positiveWhole(givenDurations[kind])) durations[kind] = givenDurations[kind];
  }
  const pick = (
    key:
      | "assessmentValidityDays"
      | "dressingPlannedUntilDay"
      | "physioFirstWithinDays"
      | "rttTargetWeeks"
      | "importantPainDifference"
      | "portalLinkDays",
  ) => (positiveWhole(given[key]) ? given[key] : defaultPolicies[key]);
  const painScoreWindowDays = { ...defaultPolicies.painScoreWindowDays };
  const givenWindows = (
    given.painScoreWindowDays && typeof given.painScoreWindowDays === "object" ? given.painScoreWindowDays : {}
  ) as Record<string, unknown>;
  for (const point of painTimepoints) {
    const days = givenWindows[point];
    if (positiveWhole(days)) painScoreWindowDays[point] = days;
  }
  return {
    durations,
    assessmentValidityDays: pick("assessmentValidityDays"),
    dressingPlannedUntilDay: pick("dressingPlannedUntilDay"),
    physioFirstWithinDays: pick("physioFirstWithinDays"),
    clinicPhone: typeof given.clinicPhone === "string" && given.clinicPhone.trim() ? given.clinicPhone.trim() : null,
    rttTargetWeeks: pick("rttTargetWeeks"),
    theatreSessions: sessionsOf(given.theatreSessions),
    painScoreWindowDays,
    importantPainDifference: pick("importantPainDifference"),
    reminders: remindersOf(given.reminders),
    portalLinkDays: pick("portalLinkDays"),
  };
}
