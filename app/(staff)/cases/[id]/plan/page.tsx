import { formatDay, formatTime } from "@/lib/domain/date-format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { uuid } from "@/lib/schemas/common";
import { DomainError } from "@/lib/domain/errors";
import { getCarePlan } from "@/lib/services/cases";
import { activityLabel } from "@/components/cases/labels";
import { PlanAdvice } from "@/components/cases/plan-advice";
import { DataTable } from "@/components/ui/data-table";
import { PrintButton } from "@/components/ui/print-button";

import { dayOf } from "@/lib/domain/time";

export default async function CarePlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("case.readClinical");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const plan = await getCarePlan(actor, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") return null;
    throw error;
  });
  if (!plan) notFound();

  return (
    <article className="care-plan">
      <p className="no-print">
        <Link href={`/cases/${id}`}>Back to the case</Link> <PrintButton label="Print the patient's copy" />{" "}
        <a href={`/api/v1/cases/${id}/appointments.ics`} download>
          Download the appointments (.ics)
        </a>
      </p>
      {!plan.clinic.phone && (
        <p className="alert warn no-print" role="status">
          The clinic&apos;s phone number is not set, so this plan cannot tell the patient whom to call. The
          administrator sets it under Administration, Policies.
        </p>
      )}
      <p className="clinic-heading">
        <strong>{plan.clinic.name}</strong>
        {plan.clinic.phone && <> · Telephone {plan.clinic.phone}</>}
      </p>
      <h1>Your recovery plan after posterior ankle arthroscopy</h1>
      <p>
        <strong>{plan.patient.name}</strong> · MRN {plan.patient.mrn} · {plan.side} ankle · operated on{" "}
        <strong>{formatDay(plan.operationDate)}</strong> (day 0)
      </p>

      <PlanAdvice plan={plan} heading="h2" idPrefix="plan" />

      <section aria-labelledby="analgesia-title">
        <h2 id="analgesia-title">Pain relief to take at home</h2>
        <p>{plan.homeAnalgesia ?? "As prescribed by your surgeon when you leave hospital."}</p>
      </section>

      <div className="plan-grid">
        <section aria-labelledby="dressings-title">
          <h2 id="dressings-title">Wound dressings (every other day)</h2>
          <DataTable
            rows={plan.dressings}
            rowKey={(d) => d.dueOn}
            columns={[
              { header: "Day", cell: (d) => `D${d.day}` },
              { header: "Date", cell: (d) => formatDay(d.dueOn) },
              {
                header: "Booked",
                cell: (d) =>
                  d.bookedAt ? formatTime(d.bookedAt, plan.timeZone) : d.status === "planned" ? "to book" : d.status,
              },
            ]}
          />
        </section>
        <section aria-labelledby="milestones-title">
          <h2 id="milestones-title">Crutches and sport</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">Crutch review</th>
                <td>
                  {formatDay(plan.crutchWeaningReview.from)} – {formatDay(plan.crutchWeaningReview.to)}
                  {plan.crutchWeaningReview.weanedOn &&
                    ` (off crutches ${formatDay(plan.crutchWeaningReview.weanedOn)})`}
                </td>
              </tr>
              {plan.milestones.map((m) => (
                <tr key={m.activity}>
                  <th scope="row">{activityLabel[m.activity]}</th>
                  <td>
                    from {formatDay(m.earliestOn)}
                    {m.clearedOn ? ` — cleared ${formatDay(m.clearedOn)}` : ""}
                  </td>
                </tr>
              ))}
              {plan.otherClearances.map((c) => (
                <tr key={c.sport}>
                  <th scope="row">{c.sport}</th>
                  <td>cleared {formatDay(c.clearedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Physiotherapy</h2>
          <ol className="compact">
            {plan.physio.slice(0, 4).map((p) => (
              <li key={p.number}>
                Session {p.number}:{" "}
                {p.bookedAt
                  ? `${formatDay(dayOf(new Date(p.bookedAt), plan.timeZone))} at ${formatTime(p.bookedAt, plan.timeZone)}`
                  : `by ${formatDay(p.dueBy)}`}
              </li>
            ))}
            {plan.physio.length > 4 && <li>then weekly until running is cleared</li>}
          </ol>
        </section>
      </div>
    </article>
  );
}
