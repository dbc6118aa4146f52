// The patient's own page (app/portal/[token]/page.tsx): their upcoming appointments, the calendar
// subscription, and their plan. What they can do (pain score, asking to move) is PortalActions.
import type { CarePlanView } from "@/lib/schemas/case";
import { PortalPlan } from "./portal-plan";

/** An upcoming appointment as the page lists it; times already on the site's clock. */
export type PortalListedAppointment = { id: string; what: string; when: string; where: string };

export type PortalPageProps = {
  givenName: string;
  clinic: { name: string; phone: string | null };
  linkExpires: string;
  appointments: PortalListedAppointment[];
  plan: CarePlanView | null;
  /** The feed's https address, and the same as webcal:// for calendar apps. */
  calendar: { https: string; webcal: string };
  /** PortalActions, placed after the appointments. */
  actions: React.ReactNode;
};

/** The page's content for a link that opens it. */
export function PortalPageView(props: PortalPageProps) {
  const { clinic } = props;
  return (
    <>
      <p className="clinic-heading">
        <strong>{clinic.name}</strong>
        {clinic.phone && <> · Telephone {clinic.phone}</>}
      </p>
      <h1>Hello {props.givenName}</h1>
      <p className="muted">
        This is your own page. Please keep its link to yourself: anyone with it can see this page. It works until{" "}
        {props.linkExpires}.
      </p>

      <section className="panel" aria-labelledby="portal-appointments-title">
        <h2 id="portal-appointments-title">Your appointments</h2>
        {props.appointments.length === 0 ? (
          <p className="empty">You have no appointments booked with us from today on.</p>
        ) : (
          <ul className="portal-appointments">
            {props.appointments.map((a) => (
              <li key={a.id}>
                <strong>{a.when}</strong>
                <br />
                {a.what}
                <br />
                <span className="muted">{a.where}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          Times are the clinic&apos;s local time.
          {clinic.phone ? ` To change an appointment you can also call us on ${clinic.phone}.` : ""}
        </p>
      </section>

      {props.actions}

      <section className="panel" aria-labelledby="portal-calendar-title">
        <h2 id="portal-calendar-title">Add your appointments to your calendar</h2>
        <p>
          Subscribe once and your phone&apos;s calendar keeps your appointments up to date, also when one is moved or
          cancelled.
        </p>
        <ul className="portal-list">
          <li>
            <a href={props.calendar.webcal} rel="noreferrer">
              Subscribe in your calendar app
            </a>
          </li>
          <li>
            Or copy this address into your calendar&apos;s &quot;subscribe&quot; or &quot;add by URL&quot; setting:{" "}
            <code className="portal-url">{props.calendar.https}</code>
          </li>
        </ul>
      </section>

      {props.plan ? (
        <PortalPlan plan={props.plan} />
      ) : (
        <section className="panel" aria-labelledby="portal-plan-title">
          <h2 id="portal-plan-title">Your recovery plan</h2>
          <p className="empty">Your recovery plan will appear here after your operation.</p>
        </section>
      )}
    </>
  );
}

const refusals = {
  unknown: "This link is not valid. Please check that it was copied whole, or ask the clinic for a new one.",
  revoked:
    "This link has been withdrawn by the clinic, so it no longer opens your page. Please ask the clinic for a new one.",
  expired: "This link has expired. Please ask the clinic for a new one.",
} as const;

/** Why a link opens nothing (no patient data), or that the patient must wait before trying again. */
export function PortalRefusal({
  reason,
  waitSeconds,
}: {
  reason: keyof typeof refusals | "busy";
  waitSeconds?: number;
}) {
  const minutes = Math.max(1, Math.ceil((waitSeconds ?? 60) / 60));
  return (
    <section className="panel" aria-labelledby="portal-refusal-title">
      <h1 id="portal-refusal-title">Your page at the clinic</h1>
      <p role="alert" className="alert error">
        {reason === "busy"
          ? `This page has been opened too many times in a short while. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
          : refusals[reason]}
      </p>
      <p>If you need help, please contact the clinic by telephone or ask at reception.</p>
    </section>
  );
}
