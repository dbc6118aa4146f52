import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/PatientSearch";

export default async function SurgeonPage() {
  await requirePageActor("workspace.surgeon");
  return (
    <>
      <h1>Case review</h1>
      <section className="panel">
        <h2>Worklist</h2>
        <p className="empty">No cases are waiting for your review.</p>
      </section>
      <PatientSearch />
    </>
  );
}
