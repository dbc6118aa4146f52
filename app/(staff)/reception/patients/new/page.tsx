import { requirePageActor } from "@/lib/auth/page";
import { RegisterPatient } from "@/components/patients/RegisterPatient";

export default async function NewPatientPage() {
  await requirePageActor("patient.register");
  return (
    <>
      <h1>Register a patient</h1>
      <RegisterPatient />
    </>
  );
}
