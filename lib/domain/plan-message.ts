// What the recovery-plan message tells the patient after the operation (SX-6, PO-1..PO-6): the
// printed plan's own lines, the safety net, and the appointments booked, in plain words with
// dates on the site's calendar and times on its wall clock.
import { earliestClearance, emergencyAdvice, safetyNetAdvice } from "./care-plan";
import { formatDateTime, formatDay } from "./date-format";
import type { Day } from "./time";
import type { AppointmentKind } from "./vocabulary";

/** Each kind of appointment in the words a patient's letter or calendar uses. */
export const patientAppointmentTitle: Record<AppointmentKind, string> = {
  consultation: "Consultation with your surgeon",
  follow_up: "Follow-up with your surgeon",
  imaging: "Imaging of your ankle",
  injection: "Guided injection",
  anaesthesia_assessment: "Pre-operative anaesthesia assessment",
  arthroscopy: "Posterior ankle arthroscopy",
  dressing: "Wound dressing by a nurse",
  physio: "Physiotherapy",
};

/** One upcoming appointment as the patient is told of it. */
export type PlanAppointment = {
  kind: AppointmentKind;
  startsAt: Date;
  /** Where, in words: "Dressing room 1, Ankle clinic". */
  place: string;
  /** The zone of the appointment's site (IANA), for its wall-clock time. */
  timeZone: string;
};

/** The plan as recorded with the operation (care_plan row). */
export type PlanFacts = {
  operationDay: Day;
  /** The printed plan's lines (generateCarePlan's instructions, stored with the operation). */
  instructions: string[];
  crutchReview: { from: Day; to: Day };
};

/** The message's text parts, each already in plain words (the template's placeholders). */
export type PlanMessageText = {
  /** The plan, one line per instruction, then when to call at once. */
  planLines: string;
  /** The upcoming appointments, one line each, or a line saying none is booked yet. */
  appointmentLines: string;
  /** The plan's dates in two or three sentences, for a text message. */
  planSummary: string;
};

const bullet = (line: string) => `- ${line}`;

/**
 * The plan message's text for `plan` and the patient's upcoming `appointments` (in the order to
 * list them). Dates are calendar days of the site (the plan's days were computed in its zone);
 * times are each appointment's site wall clock.
 */
export function planMessageText(plan: PlanFacts, appointments: PlanAppointment[]): PlanMessageText {
  const planLines = [
    ...plan.instructions.map(bullet),
    "",
    "Call the clinic straight away (or NHS 111 when the clinic is closed) if you have:",
    ...safetyNetAdvice.map(bullet),
    emergencyAdvice,
  ].join("\n");
  const when = (a: PlanAppointment) => formatDateTime(a.startsAt, a.timeZone);
  const appointmentLines =
    appointments.length === 0
      ? "No appointment is booked for you yet: we will contact you to arrange your dressings and physiotherapy."
      : [
          ...appointments.map((a) => bullet(`${when(a)}: ${patientAppointmentTitle[a.kind]}, ${a.place}`)),
          "",
          "They are also attached as a calendar file (appointments.ics) you can add to your phone or computer.",
        ].join("\n");
  const next = appointments[0];
  const planSummary = [
    `Crutches for 10 to 15 days, reviewed between ${formatDay(plan.crutchReview.from)} and ${formatDay(plan.crutchReview.to)}.`,
    `Cycling and swimming from ${formatDay(earliestClearance(plan.operationDay, "cycling"))}, running from ${formatDay(earliestClearance(plan.operationDay, "running"))}, once cleared.`,
    ...(next ? [`Next appointment: ${patientAppointmentTitle[next.kind]}, ${when(next)}.`] : []),
  ].join(" ");
  return { planLines, appointmentLines, planSummary };
}
