// Pain scores against the operation's aim (leaflet:55): when each time point of OC-1 is due, which
// time point a patient's own score belongs to, and the change from the baseline (OC-4). Pure:
// every day is a calendar day at the site, and "today" is the caller's.
import { formatDay } from "./date-format";
import { violation, type Violation } from "./rules";
import { addDays, addMonthsClamped, daysBetween, type Day } from "./time";
import { painTimepoints, type PainTimepoint, type ScoreSource } from "./vocabulary";

/** The days of a case that the time points hang on (site calendar days). */
export type PainScoreCase = {
  referredOn: Day;
  /** The listing for surgery, null while not listed. */
  listedOn: Day | null;
  /** The operation's day (SX-6), null while it is not recorded. */
  operatedOn: Day | null;
  /** The day of the arthroscopy booked for the case, null when none is booked. */
  arthroscopyOn: Day | null;
};

/** Each time point's half-width in calendar days (site policy `painScoreWindowDays`; pre_op: days before). */
export type PainWindowDays = Record<PainTimepoint, number>;

/** A time point's window: `from`..`to` inclusive, never before the referral; `target` is its due day. */
export type PainWindow = { timepoint: PainTimepoint; target: Day; from: Day; to: Day };

/** The time points after the operation, each with its target counted from the operation day. */
const postOperative: Partial<Record<PainTimepoint, (operatedOn: Day) => Day>> = {
  week_6: (d0) => addDays(d0, 42),
  month_3: (d0) => addMonthsClamped(d0, 3),
  month_6: (d0) => addMonthsClamped(d0, 6),
  month_12: (d0) => addMonthsClamped(d0, 12),
};

export const isPostOperative = (timepoint: PainTimepoint) => timepoint in postOperative;

/** Staff words for a time point inside a sentence ("a score at 6 weeks"). */
const timepointWords: Record<PainTimepoint, string> = {
  referral: "at referral",
  listing: "at listing",
  pre_op: "before the operation",
  week_6: "at 6 weeks",
  month_3: "at 3 months",
  month_6: "at 6 months",
  month_12: "at 12 months",
};

const latest = (a: Day, b: Day) => (a > b ? a : b);

/**
 * The window of `timepoint` for the case (OC-1), or null when the point has nothing to count
 * from yet: listing before the listing, pre_op with neither an operation nor a booked
 * arthroscopy, a post-operative point before the operation. referral: [referredOn, +days];
 * listing: listing day +/- days; pre_op: [day - days, day] where day is the operation's, else
 * the booked arthroscopy's; week_6 / month_3 / month_6 / month_12: the operation day + 42 days /
 * 3 / 6 / 12 calendar months (clamped at the month's end) +/- days. Every window starts no
 * earlier than the referral; none is cut at today (the check refuses a day to come).
 */
export function painScoreWindow(
  timepoint: PainTimepoint,
  kase: PainScoreCase,
  days: PainWindowDays,
): PainWindow | null {
  const width = days[timepoint];
  const around = (target: Day): PainWindow => ({
    timepoint,
    target,
    from: latest(addDays(target, -width), kase.referredOn),
    to: addDays(target, width),
  });
  if (timepoint === "referral")
    return { timepoint, target: kase.referredOn, from: kase.referredOn, to: addDays(kase.referredOn, width) };
  if (timepoint === "listing") return kase.listedOn ? around(kase.listedOn) : null;
  if (timepoint === "pre_op") {
    const day = kase.operatedOn ?? kase.arthroscopyOn;
    return day ? { ...around(day), to: day } : null;
  }
  const target = postOperative[timepoint]!;
  return kase.operatedOn ? around(target(kase.operatedOn)) : null;
}

/** Every time point's window for the case, in the protocol's order (null: not due yet, see painScoreWindow). */
export function painScoreWindows(
  kase: PainScoreCase,
  days: PainWindowDays,
): { timepoint: PainTimepoint; window: PainWindow | null }[] {
  return painTimepoints.map((timepoint) => ({ timepoint, window: painScoreWindow(timepoint, kase, days) }));
}

/**
 * Whether a score dated `recordedOn` may be recorded today, in general (OC-1): never on a day to
 * come and never before the referral. Null when it may.
 */
export function checkPainScoreDay(recordedOn: Day, kase: PainScoreCase, today: Day): Violation | null {
  if (recordedOn > today)
    return violation("OC-1", `A pain score cannot be dated in the future: ${formatDay(recordedOn)} is after today.`);
  if (recordedOn < kase.referredOn)
    return violation("OC-1", `A pain score cannot be dated before the referral on ${formatDay(kase.referredOn)}.`);
  return null;
}

/**
 * Whether the patient may report, from their own page, a score dated `recordedOn` (OC-1): today
 * only (`today`, the site's calendar day). A score for a day gone by would take that day's time
 * point, and whoever holds the link could rewrite the baseline months later. Null when it may.
 */
export function checkReportedDay(recordedOn: Day, today: Day): Violation | null {
  if (recordedOn === today) return null;
  return violation("OC-1", `Only today's pain score can be sent from your page (today is ${formatDay(today)}).`);
}

/**
 * Whether staff may record a score at `timepoint` dated `recordedOn` (OC-1): the day passes
 * checkPainScoreDay, the time point has a window (a pre-operative score needs the operation
 * booked, a post-operative one the operation recorded, a listing one the listing) and the day
 * falls in it. Null when it may; otherwise an OC-1 violation in staff words.
 */
export function checkPainScore(
  timepoint: PainTimepoint,
  recordedOn: Day,
  kase: PainScoreCase,
  days: PainWindowDays,
  today: Day,
): Violation | null {
  const refused = checkPainScoreDay(recordedOn, kase, today);
  if (refused) return refused;
  const window = painScoreWindow(timepoint, kase, days);
  if (!window) {
    if (timepoint === "pre_op")
      return violation("OC-1", "Book the operation first: a pre-operative score is due in the days before it.");
    if (timepoint === "listing")
      return violation("OC-1", "The case is not listed for surgery: there is no score at listing yet.");
    return violation(
      "OC-1",
      `The operation is not recorded: a score ${timepointWords[timepoint]} counts from the operation day.`,
    );
  }
  if (recordedOn < window.from || recordedOn > window.to)
    return violation(
      "OC-1",
      `A score ${timepointWords[timepoint]} is due from ${formatDay(window.from)} to ${formatDay(window.to)}: ${formatDay(recordedOn)} is outside that window.`,
    );
  return null;
}

/**
 * The time point a patient-reported score dated `recordedOn` belongs to (OC-1): the point whose
 * window holds the day; when several do, the one whose target day is nearest, ties going to the
 * later point. Null when no window holds it (the score is kept untimed, never refused for that).
 */
export function timepointFor(recordedOn: Day, kase: PainScoreCase, days: PainWindowDays): PainTimepoint | null {
  let best: { timepoint: PainTimepoint; distance: number } | null = null;
  for (const { timepoint, window } of painScoreWindows(kase, days)) {
    if (!window || recordedOn < window.from || recordedOn > window.to) continue;
    const distance = Math.abs(daysBetween(window.target, recordedOn));
    // Points come in the protocol's order: "<=" lets a later point win a tie.
    if (!best || distance <= best.distance) best = { timepoint, distance };
  }
  return best?.timepoint ?? null;
}

/** A time point as staff may choose it today: the days of its window up to today, or why not yet. */
export type PainScoreChoice = { timepoint: PainTimepoint } & ({ from: Day; to: Day } | { unavailable: string });

/**
 * Each time point as a form offers it today (OC-1), in the protocol's order: the days a score
 * may be dated (its window, cut at today), or, in staff words, why none yet (not listed, no
 * operation booked or recorded, or its window still ahead).
 */
export function painScoreChoices(kase: PainScoreCase, days: PainWindowDays, today: Day): PainScoreChoice[] {
  return painScoreWindows(kase, days).map(({ timepoint, window }): PainScoreChoice => {
    if (!window) {
      const why =
        timepoint === "listing"
          ? "not listed for surgery yet"
          : timepoint === "pre_op"
            ? "book the operation first"
            : "counts from the operation, not recorded yet";
      return { timepoint, unavailable: why };
    }
    if (window.from > today) return { timepoint, unavailable: `due from ${formatDay(window.from)}` };
    return { timepoint, from: window.from, to: window.to < today ? window.to : today };
  });
}

/**
 * A recorded score as the baseline and changes read it (`timepoint` null: an untimed patient
 * score; `source`: recorded by a clinician or reported by the patient).
 */
export type RecordedPainScore = {
  recordedOn: Day;
  recordedAt: Date;
  score: number;
  timepoint: PainTimepoint | null;
  source: ScoreSource;
};

export type PainBaseline = { timepoint: "pre_op" | "listing" | "referral"; score: number; recordedOn: Day };
export type PainChange = { timepoint: PainTimepoint; change: number; important: boolean };

/**
 * Of one case's scores, the one that stands for each time point (OC-1): a clinician's over the
 * patient's own (the clinic's measurement is the record, and whoever holds the patient's link
 * must not be able to replace it; a patient's report stands for a point no clinician scored),
 * then recorded on the latest day, then the latest entered (`recordedAt`), then, where scores
 * carry ids, the greatest id (so a full tie still picks one, as the SQL does; without ids the
 * first given stays). Untimed scores stand for no point.
 */
export function standingScores<S extends RecordedPainScore & { id?: string }>(
  scores: readonly S[],
): Map<PainTimepoint, S> {
  const chosen = new Map<PainTimepoint, S>();
  for (const s of scores) {
    if (s.timepoint === null) continue;
    const held = chosen.get(s.timepoint);
    if (!held || laterThan(s, held)) chosen.set(s.timepoint, s);
  }
  return chosen;
}

function laterThan(a: RecordedPainScore & { id?: string }, b: RecordedPainScore & { id?: string }): boolean {
  if (a.source !== b.source) return a.source === "clinician";
  if (a.recordedOn !== b.recordedOn) return a.recordedOn > b.recordedOn;
  if (a.recordedAt.getTime() !== b.recordedAt.getTime()) return a.recordedAt > b.recordedAt;
  return a.id !== undefined && b.id !== undefined && a.id > b.id;
}

/** OC-4: the time points a baseline is taken from, in order of preference. */
export const baselinePoints = ["pre_op", "listing", "referral"] as const;

/**
 * OC-4: the baseline (the pre-operative score, else the listing score, else the referral score;
 * of several at one point, the latest recordedOn, then the latest recordedAt) and, for each
 * post-operative point with a score, change = score - baseline (negative is better), important
 * when change <= -importantDifference (site policy `importantPainDifference`, points). No
 * baseline: no changes.
 */
export function painOutcome(
  scores: RecordedPainScore[],
  importantDifference: number,
): { baseline: PainBaseline | null; changes: PainChange[] } {
  const standing = standingScores(scores);
  let baseline: PainBaseline | null = null;
  for (const timepoint of baselinePoints) {
    const s = standing.get(timepoint);
    if (s) {
      baseline = { timepoint, score: s.score, recordedOn: s.recordedOn };
      break;
    }
  }
  if (!baseline) return { baseline, changes: [] };
  const changes: PainChange[] = [];
  for (const timepoint of painTimepoints.filter(isPostOperative)) {
    const s = standing.get(timepoint);
    if (!s) continue;
    const change = s.score - baseline.score;
    changes.push({ timepoint, change, important: change <= -importantDifference });
  }
  return { baseline, changes };
}
