import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { uuid } from "@/lib/schemas/common";
import { EditPatient } from "@/components/patients/edit-patient";
import { PatientCases } from "@/components/cases/patient-cases";
import { isAllowed, mayMarkAttendance } from "@/lib/auth/policy";
import { appointmentKinds } from "@/lib/domain/vocabulary";
import { PatientAppointments } from "@/components/appointments/patient-appointments";
import { PatientMessages } from "@/components/messages/patient-messages";
import { PortalLinks } from "@/components/portal/portal-links";

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ registered?: string }>;
}) {
  const actor = await requirePageActor("patient.edit");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const { registered } = await searchParams;
  const site = await actorSite(actor);
  return (
    <>
      <EditPatient id={id} justRegistered={registered === "1"} today={site.today} />
      {isAllowed(actor.role, "case.readSummary") && (
        <PatientCases patientId={id} canOpen={isAllowed(actor.role, "case.create")} />
      )}
      <PatientAppointments
        patientId={id}
        timeZone={site.timeZone}
        today={site.today}
        attendanceKinds={appointmentKinds.filter((kind) => mayMarkAttendance(actor.role, kind))}
      />
      {isAllowed(actor.role, "message.read") && <PatientMessages patientId={id} timeZone={site.timeZone} />}
      {isAllowed(actor.role, "portal.read") && <PortalLinks patientId={id} timeZone={site.timeZone} />}
    </>
  );
}
