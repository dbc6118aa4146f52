"use client";

import { formatDateTime } from "@/lib/domain/date-format";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { milestoneActivities } from "@/lib/domain/care-plan";
import { statusLabel } from "@/lib/domain/case-status";
import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { BookingPanel } from "@/components/appointments/booking-panel";
import { SeriesPanel } from "@/components/appointments/series-panel";
import { AcknowledgementHistory } from "./acknowledgement-history";
import { ActionList, type Action } from "./command";
import { CaseRecord } from "./case-record";
import { CancelForm, DischargeForm } from "./closing-forms";
import { CourseForm, ImagingForm, InjectionForm, ReviewForm } from "./diagnosis-forms";

import { ClearanceForm, CrutchWeaningForm } from "./recovery-forms";
import { AssessmentForm, ListingForm, OperationForm } from "./surgery-forms";

type CaseAbilities = {
  recordClinical: boolean;
  recordAssessment: boolean;
  recordRecovery: boolean;
  bookableKinds: AppointmentKind[];
};

export function CaseView({ caseId, can }: { caseId: string; can: CaseAbilities }) {
  const query = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => api(endpoints.getCase, { params: { id: caseId } }),
  });
  if (query.isPending) return <p className="muted">Loading the case…</p>;
  if (query.error) return <ProblemMessage error={query.error} />;
  const kase = query.data;
  const clinical = kase.clinical;
  const actions = clinical?.actions ?? {};
  const openCourse = clinical?.courses.find((c) => c.outcome === null);
  const latestAssessment = clinical?.assessments.at(-1) ?? null;
  const props = { caseId, today: kase.today };
  // The status changes and the acknowledgements of alerts, in the order they happened.
  const timeline = [
    ...kase.history.map((h, index) => ({ kind: "status" as const, index, ...h })),
    ...(clinical?.acknowledgements ?? []).map((a) => ({ kind: "acknowledgement" as const, ...a })),
  ].sort((a, b) => a.at.localeCompare(b.at));

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
        form: <AssessmentForm {...props} />,
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
          MRN {kase.patient.mrn} · born {kase.patient.birthDate} · referred {kase.referredOn}
        </span>
      </p>
      {clinical?.operation && (
        <p>
          <Link href={`/cases/${caseId}/plan`}>Post-operative plan</Link>
        </p>
      )}

      <div className="columns">
        <div>
          {clinical && <CaseRecord kase={kase} />}
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol className="timeline">
              {timeline.map((entry) =>
                entry.kind === "status" ? (
                  <li key={`status-${entry.index}`}>
                    <strong>{formatDateTime(entry.at, kase.timeZone)}</strong> —{" "}
                    {entry.from ? `${statusLabel[entry.from]} → ` : ""}
                    {statusLabel[entry.to]}, by {entry.by}
                    {entry.reason && <div className="muted">{entry.reason}</div>}
                  </li>
                ) : (
                  <li key={entry.id}>
                    <strong>{formatDateTime(entry.at, kase.timeZone)}</strong> —{" "}
                    {entry.alerts.length === 1 ? "1 alert" : `${entry.alerts.length} alerts`} acknowledged, by{" "}
                    {entry.by}
                    <div className="muted">{entry.note}</div>
                  </li>
                ),
              )}
            </ol>
          </section>
          {clinical?.operation && (
            <AcknowledgementHistory acknowledgements={clinical.acknowledgements} timeZone={kase.timeZone} />
          )}
        </div>

        <div>
          <ActionList actions={actionsFor()} />
        </div>
      </div>

      <section className="panel" aria-labelledby="appointments-title">
        <h2 id="appointments-title">Appointments</h2>
        <AppointmentList
          query={{ caseId }}
          timeZone={kase.timeZone}
          canChange={(a) => can.bookableKinds.includes(a.kind)}
        />
        {can.bookableKinds.length > 0 && (
          <>
            <h3>Book an appointment</h3>
            <BookingPanel
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
