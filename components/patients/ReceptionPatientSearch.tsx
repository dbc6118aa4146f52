"use client";

import { PatientSearch } from "./PatientSearch";

export function ReceptionPatientSearch() {
  return <PatientSearch hrefFor={(patient) => `/reception/patients/${patient.id}`} />;
}
