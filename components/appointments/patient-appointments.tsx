"use client";

import { AppointmentList } from "./appointment-list";

/** A patient's own appointments, across their cases. */
export function PatientAppointments({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  return (
    <section className="panel" aria-labelledby="patient-appointments-title">
      <h2 id="patient-appointments-title">Appointments</h2>
      <AppointmentList query={{ patientId }} timeZone={timeZone} canChange={() => false} />
    </section>
  );
}
