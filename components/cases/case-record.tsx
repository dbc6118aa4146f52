import { formatDay, formatDateTime } from "@/lib/domain/date-format";
import type { CaseDetail } from "@/lib/schemas/case";
import { PriorityHistory, priorityText } from "./listing-priority";
import { anaesthesiaLabel, measureLabel, mechanismLabel, modalityLabel, outcomeLabel } from "./labels";

type Symptoms = { plantarFlexionPain?: boolean; cracking?: boolean; onset?: string; triggers?: string | null } | null;

type Assessment = NonNullable<CaseDetail["clinical"]>["assessments"][number];
// SX-3: which assessment applies today, so nobody reads an older or expired one as the one in force.
const standingText = (a: Assessment) =>
  a.standing === "current"
    ? `current, valid until ${formatDay(a.validUntil)}`
    : a.standing === "superseded"
      ? `replaced by a newer assessment (valid until ${formatDay(a.validUntil)})`
      : `expired (was valid until ${formatDay(a.validUntil)})`;
const currentText = (assessments: Assessment[]) => {
  const current = assessments.find((a) => a.standing === "current");
  return current
    ? `The assessment of ${formatDay(current.assessedOn)} applies: valid until ${formatDay(current.validUntil)}.`
    : "No assessment is valid today: a new assessment is needed before the operation.";
};

/** The clinical record of a case, section by section, oldest first. */
export function CaseRecord({ kase }: { kase: CaseDetail }) {
  const c = kase.clinical!;
  const symptoms = c.symptoms as Symptoms;
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">Clinical record</h2>
      <p>
        <strong>Mechanism:</strong> {mechanismLabel[c.mechanism]}
        {symptoms && (
          <>
            {" · "}
            <strong>Symptoms:</strong>{" "}
            {[
              symptoms.plantarFlexionPain && "pain in plantar flexion",
              symptoms.cracking && "cracking",
              symptoms.onset && `${symptoms.onset} onset`,
              symptoms.triggers && `triggered by ${symptoms.triggers}`,
            ]
              .filter(Boolean)
              .join(", ") || "none recorded"}
          </>
        )}
      </p>
      <h3>Imaging</h3>
      {c.imaging.length === 0 ? (
        <p className="empty">No imaging yet.</p>
      ) : (
        <ul>
          {c.imaging.map((i) => (
            <li key={i.id}>
              {formatDay(i.performedOn)} — {modalityLabel[i.modality]}: {i.findings} (
              {i.supportsDiagnosis ? "supports the diagnosis" : "does not confirm it"})
            </li>
          ))}
        </ul>
      )}
      {c.injections.length > 0 && (
        <>
          <h3>Diagnostic injections</h3>
          <ul>
            {c.injections.map((i) => (
              <li key={i.id}>
                {formatDay(i.performedOn)} — {i.guidance === "xray" ? "X-ray" : "ultrasound"}-guided:{" "}
                {i.painRelieved ? "relieved the pain" : "no relief"}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>First-line treatment</h3>
      {c.courses.length === 0 ? (
        <p className="empty">No course yet.</p>
      ) : (
        <ul>
          {c.courses.map((course) => (
            <li key={course.id}>
              From {formatDay(course.startedOn)} ({course.painSeverity} pain):{" "}
              {course.measures.map((m) => measureLabel[m]).join(", ")} —{" "}
              {course.outcome
                ? `${outcomeLabel[course.outcome]} at review on ${formatDay(course.reviewedOn!)}`
                : "review due"}
            </li>
          ))}
        </ul>
      )}
      {c.listing && (
        <>
          <h3>Listing</h3>
          <p>
            Listed for arthroscopy on {formatDay(c.listing.listedOn)} by {c.listing.surgeon}
            {c.listing.notes && ` — ${c.listing.notes}`}
          </p>
          <p>Priority {priorityText(c.listing.priority)}.</p>
          <PriorityHistory history={c.listing.priorityHistory} timeZone={kase.timeZone} />
        </>
      )}
      {c.assessments.length > 0 && (
        <>
          <h3>Anaesthesia assessments</h3>
          <p>{currentText(c.assessments)}</p>
          <ul>
            {c.assessments.map((a) => (
              <li key={a.id}>
                {formatDay(a.assessedOn)} by {a.anaesthetist}: ASA {a.asaGrade}, {anaesthesiaLabel[a.anaesthesiaType]};{" "}
                {a.admission === "day_case"
                  ? "day case possible (help at home)"
                  : "inpatient admission (no help at home)"}
                ; {standingText(a)}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.operation && (
        <>
          <h3>Operation</h3>
          <p>
            {formatDateTime(c.operation.performedAt, kase.timeZone)} by {c.operation.surgeon}: {c.operation.procedure}.
            Anaesthesia: {anaesthesiaLabel[c.operation.anaesthesiaGiven]}
            {c.operation.anaesthesiaChangeReason && ` (changed: ${c.operation.anaesthesiaChangeReason})`}. Findings:{" "}
            {c.operation.findings}. Home analgesia: {c.operation.dischargeAnalgesia}.
          </p>
        </>
      )}
    </section>
  );
}
