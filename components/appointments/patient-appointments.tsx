"use client";

import type { AppointmentKind } from "@/lib/domain/vocabulary";
import { AppointmentList } from "./appointment-list";

/**
 * A patient's own appointments, across their cases, with whether the patient came; a role in
 * `attendanceKinds` marks arrived / did not attend from an appointment's day on (`today`, the site's day).
 */
export function PatientAppointments({
  patientId,
  timeZone,
  today,
  attendanceKinds,
}: {
  patientId: string;
  timeZone: string;
  today: string;
  attendanceKinds: readonly AppointmentKind[];
}) {
  return (
    <section className="panel" aria-labelledby="patient-appointments-title">
      <h2 id="patient-appointments-title">Appointments</h2>
      <AppointmentList
        query={{ patientId }}
        timeZone={timeZone}
        canChange={() => false}
        attendance={{ today, canMark: (a) => attendanceKinds.includes(a.kind) }}
      />
    </section>
  );
}
