// Theatre sessions (WL-5): each theatre's day is cut into a morning and an afternoon session at
// the site's wall-clock times (a policy, 08:00-13:00 and 13:00-18:00 by default). An arthroscopy
// belongs to the session in which it starts, and one that runs past the session's end still
// counts there, whole. Pure: instants in, instants out, the site's zone given.
import { freeIntervals } from "./calendar-grid";
import { theatreSessionNames, type ClinicPolicies, type TheatreSessionName } from "./policies";
import { violation, type Violation } from "./rules";
import type { Interval } from "./scheduling";
import { instantAt, type Day } from "./time";

/** The policy's session times: "HH:MM" site wall-clock time, start before end. */
export type TheatreSessionTimes = ClinicPolicies["theatreSessions"];

/** A session on one day: its instants and its length in real minutes (60 fewer or more across a clock change). */
export type TheatreSession = { name: TheatreSessionName; start: Date; end: Date; minutes: number };

const minutesBetween = (start: Date, end: Date) => (end.getTime() - start.getTime()) / 60_000;

function wallClock(day: Day, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number);
  return instantAt(day, hours!, minutes!, timeZone);
}

/**
 * The sessions of `day` in `timeZone`, morning first. Each boundary is the policy's wall-clock
 * time on that calendar day, so on a clock-change day the sessions still start at 08:00 and
 * 13:00 site time, and a session spanning the change is an hour shorter (spring) or longer
 * (autumn) in `minutes`.
 */
export function sessionsOfDay(day: Day, times: TheatreSessionTimes, timeZone: string): TheatreSession[] {
  return theatreSessionNames.map((name) => {
    const start = wallClock(day, times[name].start, timeZone);
    const end = wallClock(day, times[name].end, timeZone);
    return { name, start, end, minutes: minutesBetween(start, end) };
  });
}

/** The session in which an arthroscopy starting at `start` takes place: start <= it < end; null when it starts outside every session. */
export function sessionOf<S extends { start: Date; end: Date }>(start: Date, sessions: readonly S[]): S | null {
  return sessions.find((s) => s.start <= start && start < s.end) ?? null;
}

/**
 * A session's utilisation: the booked minutes of the arthroscopies that belong to it (whole,
 * an overrun past the session's end included, as WL-5 counts it there) over the session's
 * minutes. `utilisation` is that ratio rounded to three decimals (a tenth of a percent); it is
 * 0 for an empty session and above 1 when the list overruns.
 */
export function utilisationOf(
  session: { minutes: number },
  arthroscopies: readonly Interval[],
): { bookedMinutes: number; sessionMinutes: number; utilisation: number } {
  const bookedMinutes = arthroscopies.reduce((sum, a) => sum + minutesBetween(a.start, a.end), 0);
  const ratio = session.minutes > 0 ? bookedMinutes / session.minutes : 0;
  return { bookedMinutes, sessionMinutes: session.minutes, utilisation: Math.round(ratio * 1000) / 1000 };
}

/**
 * The free time of a session long enough for an arthroscopy: the session minus every `busy`
 * interval of its theatre (whatever session they belong to, so an overrun from the morning
 * takes the afternoon's first minutes), keeping the pieces of at least `minimumMinutes`.
 */
export function sessionGaps(session: Interval, busy: readonly Interval[], minimumMinutes: number): Interval[] {
  return freeIntervals([session], [...busy]).filter((gap) => minutesBetween(gap.start, gap.end) >= minimumMinutes);
}

/**
 * The running order of a session's list: the arthroscopies with a recorded position first, in
 * that order, then the others (booked after the order was recorded, or never ordered) by start
 * time, ties by id. Returns the ids in order.
 */
export function runningOrder(
  items: readonly { id: string; start: Date }[],
  recorded: ReadonlyMap<string, number>,
): string[] {
  const rank = (id: string) => recorded.get(id) ?? Number.POSITIVE_INFINITY;
  return [...items]
    .sort(
      (a, b) =>
        rank(a.id) - rank(b.id) || a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((item) => item.id);
}

/**
 * A new running order must name every booked arthroscopy of the session, each once, and nothing
 * else (WL-5): otherwise the violation, saying what is missing, repeated or foreign; null when sound.
 */
export function checkListOrder(booked: readonly string[], order: readonly string[]): Violation | null {
  const onList = new Set(booked);
  if (new Set(order).size !== order.length)
    return violation("WL-5", "The new order names an arthroscopy twice: name each one once.");
  if (order.some((id) => !onList.has(id)))
    return violation("WL-5", "The new order names an appointment that is not booked on this session's list.");
  if (order.length !== onList.size)
    return violation("WL-5", "The new order leaves out an arthroscopy booked on this session's list: name them all.");
  return null;
}
