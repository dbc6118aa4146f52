import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { RegisterPatient } from "@/components/patients/register-patient";

export default async function NewPatientPage() {
  const actor = await requirePageActor("patient.register");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Register a patient</h1>
      <RegisterPatient today={site.today} />
    </>
  );
}
