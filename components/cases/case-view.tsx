"use client";

import { formatDateTime, formatDay } from "@/lib/domain/date-format";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { milestoneActivities } from "@/lib/domain/care-plan";
import { statusLabel } from "@/lib/domain/case-status";
import { isWaiting } from "@/lib/domain/waiting-list";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { kindLabel } from "@/components/appointments/labels";
import { BookingPanel } from "@/components/appointments/booking-panel";
import { SeriesPanel } from "@/components/appointments/series-panel";
import { AcknowledgementHistory } from "./acknowledgement-history";
import { ActivityReturns } from "./activity-returns";
import { Complications } from "./complications";
import { ActionList, type Action } from "./command";
import { CaseRecord } from "./case-record";
import { CancelForm, DischargeForm } from "./closing-forms";
import { CourseForm, ImagingForm, InjectionForm, ReviewForm } from "./diagnosis-forms";

import { ClearanceForm, CrutchWeaningForm } from "./recovery-forms";
import { AssessmentForm, ListingForm, OperationForm } from "./surgery-forms";
import { PriorityChangeForm, priorityChangeText } from "./listing-priority";
import { PlanMessageButton } from "./plan-message";
import { WaitingClocks } from "./waiting-clocks";

type CaseDetail = Awaited<ReturnType<typeof api<typeof endpoints.getCase>>>;

/** Status changes and recorded events in one list, oldest first: the case's timeline. */
function timelineOf(kase: CaseDetail) {
  const changes = kase.history.map((h) => ({
    at: h.at,
    what: `${h.from ? `${statusLabel[h.from]} → ` : ""}${statusLabel[h.to]}`,
    by: h.by,
    note: h.reason ?? undefined,
  }));
  const acknowledgements = (kase.clinical?.acknowledgements ?? []).map((a) => ({
    at: a.at,
    what: `${a.alerts.length === 1 ? "1 alert" : `${a.alerts.length} alerts`} acknowledged`,
    by: a.by,
    note: a.note,
  }));
  const priorities = (kase.clinical?.listing?.priorityHistory ?? []).map((h) => ({
    at: h.at,
    what: priorityChangeText(h),
    by: h.by,
    note: h.reason,
  }));
  return [...changes, ...(kase.clinical?.events ?? []), ...acknowledgements, ...priorities].sort((a, b) =>
    a.at.localeCompare(b.at),
  );
}

type CaseAbilities = {
  recordClinical: boolean;
  recordAssessment: boolean;
  recordRecovery: boolean;
  /** OC-2, OC-3: read the outcome records, record a return to activity, record a complication. */
  outcomes: { read: boolean; recordReturn: boolean; recordComplication: boolean };
  bookableKinds: AppointmentKind[];
  attendanceKinds: AppointmentKind[];
  /** Send the patient the recovery plan (again), once the operation is recorded. */
  sendPlanMessage: boolean;
};

/** `pain`: the page's server-rendered pain section (clinical roles only), shown below the record. */
export function CaseView({
  caseId,
  can,
  rebookId,
  pain,
}: {
  caseId: string;
  can: CaseAbilities;
  rebookId?: string;
  pain?: React.ReactNode;
}) {
  const query = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => api(endpoints.getCase, { params: { id: caseId } }),
  });
  // The visit or session not attended that is being booked again: chosen in the list, or named by the board's link.
  const [chosenRebook, setRebook] = useState<AppointmentView | null>(null);
  const linkedRebook = useQuery({
    queryKey: ["appointments", "one", rebookId],
    enabled: Boolean(rebookId),
    queryFn: () => api(endpoints.getAppointment, { params: { id: rebookId! } }),
  });
  const rebook = chosenRebook ?? (linkedRebook.data?.caseId === caseId ? linkedRebook.data : null);
  if (query.isPending) return <p className="muted">Loading the case…</p>;
  if (query.error) return <ProblemMessage error={query.error} />;
  const kase = query.data;
  const clinical = kase.clinical;
  const actions = clinical?.actions ?? {};
  const openCourse = clinical?.courses.find((c) => c.outcome === null);
  const latestAssessment = clinical?.assessments.at(-1) ?? null;
  const props = { caseId, today: kase.today };
  // The status changes and the acknowledgements of alerts, in the order they happened.
  function actionsFor(): Action[] {
    const list: Action[] = [];
    if (can.recordClinical) {
      list.push(
        { id: "imaging", title: "Record imaging", availability: actions.imaging, form: <ImagingForm {...props} /> },
        {
          id: "injection",
          title: "Record a diagnostic injection",
          availability: actions.diagnosticInjection,
          form: <InjectionForm {...props} />,
        },
        {
          id: "course",
          title: "Start a first-line course",
          availability: actions.firstLineCourse,
          form: <CourseForm {...props} />,
        },
        {
          id: "review",
          title: "Review the first-line course",
          availability: actions.courseReview,
          form: openCourse && <ReviewForm {...props} courseId={openCourse.id} />,
        },
        {
          id: "listing",
          title: "List for arthroscopy",
          availability: actions.listing,
          form: <ListingForm {...props} />,
        },
        ...(clinical?.listing && isWaiting(kase.status)
          ? [
              {
                id: "priority",
                title: "Change the priority",
                form: <PriorityChangeForm caseId={caseId} current={clinical.listing.priority} />,
              },
            ]
          : []),
        {
          id: "operation",
          title: "Record the operation",
          availability: actions.operation,
          form: (
            <OperationForm
              {...props}
              timeZone={kase.timeZone}
              assessedType={latestAssessment?.anaesthesiaType ?? null}
            />
          ),
        },
        {
          id: "discharge",
          title: "Discharge",
          availability: actions.discharge,
          form: <DischargeForm {...props} />,
          optional: true,
        },
        {
          id: "cancel",
          title: "Cancel the case",
          availability: actions.cancel,
          form: <CancelForm {...props} />,
          optional: true,
        },
      );
    }
    if (can.recordAssessment) {
      list.push({
        id: "assessment",
        title: "Pre-operative anaesthesia assessment",
        availability: actions.assessment,
        form: <AssessmentForm {...props} nextOfKin={kase.nextOfKin} />,
      });
    }
    if (can.recordRecovery && clinical?.operation) {
      list.push(
        {
          id: "weaning",
          title: "Crutch weaning",
          availability: actions.crutchWeaning,
          form: <CrutchWeaningForm {...props} />,
        },
        {
          id: "clearance",
          title: "Return to sport",
          form: (
            <>
              <ul className="compact">
                {milestoneActivities.map((activity) => {
                  const a = actions[`clearance.${activity}`];
                  return (
                    <li key={activity}>
                      {activity}: {a?.allowed ? "can be cleared today" : `${a?.reason} (${a?.rule})`}
                    </li>
                  );
                })}
              </ul>
              <ClearanceForm {...props} />
            </>
          ),
        },
      );
    }
    return list;
  }

  return (
    <>
      <h1>
        {kase.patient.name} — {kase.side} ankle
      </h1>
      <p>
        <span className="badge" data-status={kase.status}>
          {kase.statusLabel}
        </span>{" "}
        <span className="muted">
          MRN {kase.patient.mrn} · born {formatDay(kase.patient.birthDate)} · referred {formatDay(kase.referredOn)}
        </span>
      </p>
      {clinical?.operation && (
        <p>
          <Link href={`/cases/${caseId}/plan`}>Post-operative plan</Link>
        </p>
      )}
      {kase.operated && can.sendPlanMessage && <PlanMessageButton caseId={caseId} patientId={kase.patient.id} />}

      <div className="columns">
        <div>
          <WaitingClocks clocks={kase.clocks} listing={clinical?.listing ?? null} today={kase.today} />
          {clinical && <CaseRecord kase={kase} />}
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol className="timeline">
              {timelineOf(kase).map((entry, i) => (
                <li key={i}>
                  <strong>{formatDateTime(entry.at, kase.timeZone)}</strong> — {entry.what}, by {entry.by}
                  {entry.note && <div className="muted">{entry.note}</div>}
                </li>
              ))}
            </ol>
          </section>
          {clinical?.operation && (
            <AcknowledgementHistory acknowledgements={clinical.acknowledgements} timeZone={kase.timeZone} />
          )}
        </div>

        <div>
          <ActionList actions={actionsFor()} />
          {clinical?.operation && can.outcomes.read && (
            <>
              <ActivityReturns caseId={caseId} today={kase.today} canRecord={can.outcomes.recordReturn} />
              <Complications caseId={caseId} today={kase.today} canRecord={can.outcomes.recordComplication} />
            </>
          )}
        </div>
      </div>

      {pain}

      <section className="panel" aria-labelledby="appointments-title">
        <h2 id="appointments-title">Appointments</h2>
        <AppointmentList
          query={{ caseId }}
          timeZone={kase.timeZone}
          canChange={(a) => can.bookableKinds.includes(a.kind)}
          attendance={{ today: kase.today, canMark: (a) => can.attendanceKinds.includes(a.kind) }}
          onRebook={(a) => {
            setRebook(a);
            document.getElementById("book")?.scrollIntoView();
          }}
        />
        {can.bookableKinds.length > 0 && (
          <>
            <h3 id="book">{rebook ? "Book the visit again" : "Book an appointment"}</h3>
            {rebook && (
              <p className="alert warn" role="status">
                The patient did not attend the {kindLabel[rebook.kind].toLowerCase()} of{" "}
                {formatDateTime(rebook.start, kase.timeZone)}: book the same{" "}
                {rebook.kind === "dressing" ? `dressing (due ${formatDay(rebook.dressingDueOn!)})` : `session`} again.
              </p>
            )}
            <BookingPanel
              key={rebook?.id ?? "new"}
              rebook={rebook ?? undefined}
              caseId={caseId}
              timeZone={kase.timeZone}
              today={kase.today}
              kinds={can.bookableKinds}
              homeSupport={
                kase.admission === undefined
                  ? undefined
                  : kase.admission === null
                    ? null
                    : kase.admission === "day_case"
              }
            />
          </>
        )}
        {kase.operated && (can.bookableKinds.includes("dressing") || can.bookableKinds.includes("physio")) && (
          <>
            <h3>Post-operative series</h3>
            <SeriesPanel
              caseId={caseId}
              timeZone={kase.timeZone}
              dressings={can.bookableKinds.includes("dressing")}
              physio={can.bookableKinds.includes("physio")}
            />
          </>
        )}
      </section>
    </>
  );
}
