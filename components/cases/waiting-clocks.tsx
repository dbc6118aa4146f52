import { formatDay } from "@/lib/domain/date-format";
import { breachStanding, type ListingPriority, type RttClock } from "@/lib/domain/waiting-list";
import type { Day } from "@/lib/domain/time";
import { priorityText } from "./listing-priority";

/** "5 weeks 3 days (38 days)": a wait as staff count it against the 18-week target. */
export function waitText(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const parts = [`${weeks} ${weeks === 1 ? "week" : "weeks"}`, `${rest} ${rest === 1 ? "day" : "days"}`];
  return `${parts.join(" ")} (${days} ${days === 1 ? "day" : "days"})`;
}

/**
 * Where a clock stands, in words first (colour only repeats them): a stopped clock met or missed
 * its target; a running one is breached, due within four weeks, or within target (WL-2).
 */
function standing(clock: RttClock, today: Day): { text: string; mark: "breached" | "soon" | null } {
  if (clock.stoppedOn) {
    return clock.breached
      ? { text: `Stopped on ${formatDay(clock.stoppedOn)}, after the breach date: target missed`, mark: "breached" }
      : { text: `Stopped on ${formatDay(clock.stoppedOn)}, within the target`, mark: null };
  }
  const mark = breachStanding(clock.breachOn, today);
  if (mark === "breached") return { text: "Running: breached, past the breach date", mark };
  if (mark === "soon") return { text: "Running: breach date within 4 weeks", mark };
  return { text: "Running, within the target", mark: null };
}

function Clock({ title, clock, today }: { title: string; clock: RttClock; today: Day }) {
  const { text, mark } = standing(clock, today);
  return (
    <div className="clock" data-standing={mark ?? "ok"}>
      <h3>{title}</h3>
      <p>
        <strong>{text}.</strong>
      </p>
      <ul className="compact">
        <li>Started {formatDay(clock.startedOn)}</li>
        <li>Waited {waitText(clock.daysWaited)}</li>
        <li>Breach date {formatDay(clock.breachOn)}</li>
      </ul>
    </div>
  );
}

type Props = {
  clocks: { referral: RttClock; admitted: RttClock | null };
  listing: { priority: ListingPriority; priorityDueOn: Day | null } | null;
  today: Day;
};

/**
 * The case's two referral-to-treatment clocks (WL-2) and, once listed, its clinical priority with
 * the date that priority is due by (WL-1).
 */
export function WaitingClocks({ clocks, listing, today }: Props) {
  return (
    <section className="panel" aria-labelledby="clocks-title">
      <h2 id="clocks-title">Waiting times</h2>
      {listing && (
        <p>
          <strong>Priority {priorityText(listing.priority)}</strong>
          {listing.priorityDueOn
            ? `: due by ${formatDay(listing.priorityDueOn)}${listing.priorityDueOn < today && !clocks.admitted?.stoppedOn ? " (past its due date)" : ""}.`
            : ": no due date for this priority."}
        </p>
      )}
      <Clock title="Referral to first-line treatment" clock={clocks.referral} today={today} />
      {clocks.admitted ? (
        <Clock title="Listing to operation" clock={clocks.admitted} today={today} />
      ) : (
        <p className="empty">Listing to operation: not listed for surgery, so this clock has not started.</p>
      )}
    </section>
  );
}
