import { formatDay } from "@/lib/domain/date-format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { isAllowed, mayMarkAttendance } from "@/lib/auth/policy";
import { appointmentKinds } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { getPatient } from "@/lib/services/patients";
import { PatientCases } from "@/components/cases/patient-cases";
import { PatientAppointments } from "@/components/appointments/patient-appointments";
import { PatientMessages } from "@/components/messages/patient-messages";

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("patient.read");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const patient = await getPatient(actor, id).catch(() => null);
  if (!patient) notFound();
  const site = await actorSite(actor);
  return (
    <>
      <h1>
        {patient.familyName.toUpperCase()}, {patient.givenName}
      </h1>
      <p className="muted">
        MRN <strong>{patient.mrn}</strong> · born {formatDay(patient.birthDate)} · {patient.sex}
        {patient.phone && ` · ${patient.phone}`}
      </p>
      {isAllowed(actor.role, "patient.edit") && (
        <p>
          <Link href={`/reception/patients/${patient.id}`}>Edit demographics</Link>
        </p>
      )}
      {isAllowed(actor.role, "case.readSummary") && (
        <PatientCases patientId={patient.id} canOpen={isAllowed(actor.role, "case.create")} />
      )}
      <PatientAppointments
        patientId={patient.id}
        timeZone={site.timeZone}
        today={site.today}
        attendanceKinds={appointmentKinds.filter((kind) => mayMarkAttendance(actor.role, kind))}
      />
      {isAllowed(actor.role, "message.read") && <PatientMessages patientId={patient.id} timeZone={site.timeZone} />}
    </>
  );
}
