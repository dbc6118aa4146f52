import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/PatientSearch";

export default async function AnaesthetistPage() {
  await requirePageActor("workspace.anaesthetist");
  return (
    <>
      <h1>Pre-operative assessments</h1>
      <section className="panel">
        <h2>Waiting for an assessment</h2>
        <p className="empty">No listed case is waiting for an assessment.</p>
      </section>
      <PatientSearch />
    </>
  );
}
