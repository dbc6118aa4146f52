"use client";
// What the patient can do on their page: report today's pain score and ask for an appointment to
// be moved. Props come from the page (app/portal/[token]/page.tsx). Each form posts to the page's
// own routes (/portal/{token}/...): as JSON once the script runs, and as a plain form before it
// does or without it (the route then answers with the page again).

import { useId, useRef, useState, useSyncExternalStore, type FormEvent, type Ref } from "react";
import { formatDateTime, formatDay } from "@/lib/domain/date-format";
import styles from "./portal-actions.module.css";

/** An upcoming appointment as the patient's page shows it, with its move request if any. */
export type PortalAppointment = {
  id: string;
  /** In plain words: "dressing visit". */
  what: string;
  /** Site-local day and time: "Thu, 3 Dec 2026, 10:30". */
  when: string;
  moveRequest: { status: "open" | "done" | "declined"; requestedAt: string; response: string | null } | null;
};

export type PortalActionsProps = {
  token: string;
  appointments: PortalAppointment[];
  /** Whether the patient has a treatment to report pain on; without one the pain form is not shown. */
  canReportPain: boolean;
  /** The score the patient reported today (site-local day), if any. */
  painToday: { score: number } | null;
  /** The site's zone (IANA), to show when a request was made; absent: its day only. */
  timeZone?: string;
};

type Problem = { detail?: string; errors?: { path: string; message: string }[] };
type Sent<T> = { ok: true; data: T } | { ok: false; problem: Problem };

const noSubscription = () => () => {};
/**
 * False in the server's HTML and until the script runs, true after: what needs the script (a
 * button that opens a form) is shown only then; without a script, plain forms in <noscript>
 * stand in.
 */
const useScripted = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** Posts `body` as JSON to the page's route; a refusal comes back as its problem+json. */
async function postJson<T>(url: string, body: unknown): Promise<Sent<T>> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    return response.ok ? { ok: true, data } : { ok: false, problem: data ?? {} };
  } catch {
    return { ok: false, problem: { detail: "It could not be sent. Check your connection and try again." } };
  }
}

function ProblemText({ problem }: { problem: Problem }) {
  return (
    <div role="alert" className="alert error">
      {problem.detail ?? "It could not be sent. Please try again, or call the clinic."}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** When a request was made, in the patient's words. */
function requestedWhen(requestedAt: string, timeZone: string | undefined): string {
  const at = Date.parse(requestedAt);
  if (Number.isNaN(at)) return requestedAt;
  return timeZone ? formatDateTime(requestedAt, timeZone) : formatDay(requestedAt.slice(0, 10));
}

const scores = Array.from({ length: 11 }, (_, n) => n);

/** The pain form: today's score, 0-10 as big numbered choices, and what happened. */
function PainReport({ token, painToday }: Pick<PortalActionsProps, "token" | "painToday">) {
  const [reported, setReported] = useState(painToday);
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "sending" } | { kind: "sent"; text: string } | { kind: "refused"; problem: Problem }
  >({ kind: "idle" });
  const status = useRef<HTMLDivElement>(null);
  const hintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const score = Number(form.get("score"));
    setState({ kind: "sending" });
    const sent = await postJson<{ score: number }>(`/portal/${token}/pain-scores`, { score });
    if (sent.ok) {
      setReported({ score: sent.data.score });
      setState({
        kind: "sent",
        text: `Thank you. Your pain score of ${sent.data.score} out of 10 for today has been sent to the clinic.`,
      });
    } else setState({ kind: "refused", problem: sent.problem });
    status.current?.focus();
  };

  return (
    <section className="panel" id="pain" aria-labelledby="pain-title">
      <h2 id="pain-title">Your pain today</h2>
      {reported && (
        <p>
          You reported a pain score of <strong>{reported.score} out of 10</strong> today. If it has changed, you can
          send a new one.
        </p>
      )}
      <form method="post" action={`/portal/${token}/pain-scores`} onSubmit={submit} className={styles.form}>
        <fieldset aria-describedby={hintId}>
          <legend>How bad is the pain in your ankle today?</legend>
          <p id={hintId} className="muted">
            Choose a number: 0 means no pain at all, 10 means the worst pain you can imagine.
          </p>
          <div className={styles.scale}>
            {scores.map((n) => (
              <label key={n} className={styles.score}>
                <input
                  type="radio"
                  name="score"
                  value={n}
                  required
                  aria-label={n === 0 ? "0, no pain" : n === 10 ? "10, worst pain imaginable" : String(n)}
                />
                <span aria-hidden="true">{n}</span>
              </label>
            ))}
          </div>
          <div className={`${styles.ends} muted`} aria-hidden="true">
            <span>0 = no pain</span>
            <span>10 = worst pain imaginable</span>
          </div>
        </fieldset>
        <button type="submit" disabled={state.kind === "sending"}>
          {state.kind === "sending" ? "Sending…" : "Send my pain score"}
        </button>
      </form>
      <div ref={status} tabIndex={-1} aria-live="polite">
        {state.kind === "sent" && (
          <p role="status" className="alert ok">
            {state.text}
          </p>
        )}
        {state.kind === "refused" && <ProblemText problem={state.problem} />}
      </div>
    </section>
  );
}

type MoveRequest = NonNullable<PortalAppointment["moveRequest"]>;

/** The move request's note: which days and times suit the patient. */
function MoveNoteField({
  noteId,
  hintId,
  noteField,
}: {
  noteId: string;
  hintId: string;
  noteField?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={noteId}>Which days and times would suit you?</label>
      <textarea id={noteId} name="note" rows={3} maxLength={500} required aria-describedby={hintId} ref={noteField} />
      <div id={hintId} className="hint">
        For example: &ldquo;any weekday morning&rdquo; or &ldquo;Tuesdays after 2pm&rdquo;. Up to 500 characters. The
        clinic will contact you; your appointment stays as it is until then.
      </div>
    </div>
  );
}

/** One appointment: its move request's state, and the way to ask for a move when none is open. */
function MoveRequestItem({
  token,
  appointment,
  timeZone,
}: {
  token: string;
  appointment: PortalAppointment;
  timeZone?: string;
}) {
  const [request, setRequest] = useState<MoveRequest | null>(appointment.moveRequest);
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [justSent, setJustSent] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const scripted = useScripted();
  const formId = useId();
  const noteId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setSending(true);
    setProblem(null);
    const sent = await postJson<{ status: "open"; requestedAt: string }>(`/portal/${token}/move-requests`, {
      appointmentId: appointment.id,
      note,
    });
    setSending(false);
    if (sent.ok) {
      setRequest({ status: "open", requestedAt: sent.data.requestedAt, response: null });
      setAsking(false);
      setJustSent(true);
      requestAnimationFrame(() => status.current?.focus());
    } else setProblem(sent.problem);
  };

  const open = request?.status === "open";
  return (
    <li>
      <div className={styles.when}>{appointment.when}</div>
      <div>{appointment.what}</div>
      <div ref={status} tabIndex={-1}>
        {open && (
          <p role="status" className={justSent ? "alert ok" : "alert warn"}>
            {justSent ? "Your request has been sent. " : ""}You asked to move this appointment on{" "}
            {requestedWhen(request.requestedAt, timeZone)}. The clinic will contact you with a new time. Until then,
            this appointment stays as it is.
          </p>
        )}
        {request?.status === "done" && (
          <p className="alert ok">
            The clinic has dealt with your request to move this appointment
            {request.response ? `: ${request.response}` : "."}
          </p>
        )}
        {request?.status === "declined" && (
          <p className="alert warn">
            The clinic could not move this appointment{request.response ? `: ${request.response}` : "."} If you cannot
            come, please call the clinic.
          </p>
        )}
      </div>
      {!open && scripted && (
        <div className={styles.actions}>
          <button
            ref={opener}
            type="button"
            className="secondary"
            aria-expanded={asking}
            aria-controls={formId}
            onClick={() => {
              setAsking(!asking);
              setProblem(null);
              if (!asking) requestAnimationFrame(() => noteField.current?.focus());
            }}
          >
            Ask to move this appointment
          </button>
        </div>
      )}
      {!open && asking && (
        <form id={formId} onSubmit={submit} className={styles.form} aria-label={`Ask to move: ${appointment.when}`}>
          <MoveNoteField noteId={noteId} hintId={hintId} noteField={noteField} />
          {problem && <ProblemText problem={problem} />}
          <div className={styles.actions}>
            <button type="submit" disabled={sending}>
              {sending ? "Sending…" : "Send request"}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAsking(false);
                setProblem(null);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {!open && (
        <noscript>
          <form
            method="post"
            action={`/portal/${token}/move-requests`}
            className={styles.form}
            aria-label={`Ask to move: ${appointment.when}`}
          >
            <input type="hidden" name="appointmentId" value={appointment.id} />
            <MoveNoteField noteId={`${noteId}-plain`} hintId={`${hintId}-plain`} />
            <div className={styles.actions}>
              <button type="submit">Send request</button>
            </div>
          </form>
        </noscript>
      )}
    </li>
  );
}

/**
 * The patient's own actions: the pain form, and for each upcoming appointment its move request's
 * state and "Ask to move this appointment" (a note of the times that suit; reception then moves
 * it, the request never does). Works at phone width and by keyboard.
 */
export function PortalActions({ token, appointments, canReportPain, painToday, timeZone }: PortalActionsProps) {
  return (
    <>
      {canReportPain && <PainReport token={token} painToday={painToday} />}
      <section className="panel" id="move" aria-labelledby="move-title">
        <h2 id="move-title">Need to change an appointment?</h2>
        {appointments.length === 0 ? (
          <p className="empty">You have no upcoming appointments.</p>
        ) : (
          <>
            <p>Tell the clinic which days and times suit you, and they will arrange a new time with you.</p>
            <ul className={styles.appointments}>
              {appointments.map((a) => (
                <MoveRequestItem key={a.id} token={token} appointment={a} timeZone={timeZone} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
