// The patient's post-operative plan on their own page: the printed plan's content (the same
// CarePlanView, lib/services/cases.ts), in the patient's words and laid out for a phone.
import { formatDay, formatTime } from "@/lib/domain/date-format";
import { dayOf } from "@/lib/domain/time";
import type { CarePlanView } from "@/lib/schemas/case";
import { activityLabel } from "@/components/cases/labels";
import { PlanAdvice } from "@/components/cases/plan-advice";

const bookedDay = (at: string, timeZone: string) =>
  `${formatDay(dayOf(new Date(at), timeZone))} at ${formatTime(at, timeZone)}`;

/** The plan after the patient's operation: what to expect, when to call, dressings, crutches, sport, physiotherapy. */
export function PortalPlan({ plan }: { plan: CarePlanView }) {
  return (
    <section className="panel" aria-labelledby="portal-plan-title">
      <h2 id="portal-plan-title">Your recovery plan</h2>
      <p>
        Your {plan.side} ankle was operated on <strong>{formatDay(plan.operationDate)}</strong> (day 0).
      </p>
      <PlanAdvice plan={plan} heading="h3" idPrefix="portal" />
      <h3>Pain relief to take at home</h3>
      <p>{plan.homeAnalgesia ?? "As prescribed by your surgeon when you left hospital."}</p>
      <h3 id="portal-milestones-title">Milestones</h3>
      <ul aria-labelledby="portal-milestones-title" className="portal-milestones">
        <li>
          <strong>Crutch review:</strong> {formatDay(plan.crutchWeaningReview.from)} to{" "}
          {formatDay(plan.crutchWeaningReview.to)}
          {plan.crutchWeaningReview.weanedOn && ` (off crutches since ${formatDay(plan.crutchWeaningReview.weanedOn)})`}
        </li>
        {plan.milestones.map((m) => (
          <li key={m.activity}>
            <strong>{activityLabel[m.activity]}:</strong>{" "}
            {m.clearedOn ? `cleared on ${formatDay(m.clearedOn)}` : `from ${formatDay(m.earliestOn)}, once we clear it`}
          </li>
        ))}
        {plan.otherClearances.map((c) => (
          <li key={c.sport}>
            <strong>{c.sport}:</strong> cleared on {formatDay(c.clearedOn)}
          </li>
        ))}
      </ul>
      <h3>Wound dressings (every other day)</h3>
      <ul className="portal-list">
        {plan.dressings.map((d) => (
          <li key={d.dueOn}>
            Day {d.day}, {formatDay(d.dueOn)}:{" "}
            {d.bookedAt
              ? `booked at ${formatTime(d.bookedAt, plan.timeZone)}`
              : d.status === "planned"
                ? "not booked yet"
                : d.status.replace(/_/g, " ")}
          </li>
        ))}
      </ul>
      <h3>Physiotherapy</h3>
      <ul className="portal-list">
        {plan.physio.slice(0, 4).map((p) => (
          <li key={p.number}>
            Session {p.number}: {p.bookedAt ? bookedDay(p.bookedAt, plan.timeZone) : `by ${formatDay(p.dueBy)}`}
          </li>
        ))}
        {plan.physio.length > 4 && <li>then weekly until running is cleared</li>}
      </ul>
    </section>
  );
}
