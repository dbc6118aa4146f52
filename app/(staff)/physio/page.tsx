import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/PatientSearch";

export default async function PhysioPage() {
  await requirePageActor("workspace.physio");
  return (
    <>
      <h1>Physiotherapy</h1>
      <section className="panel">
        <h2>Sessions</h2>
        <p className="empty">No physiotherapy sessions are booked.</p>
      </section>
      <PatientSearch />
    </>
  );
}
