import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/PatientSearch";

export default async function NursePage() {
  await requirePageActor("workspace.nurse");
  return (
    <>
      <h1>Dressing round</h1>
      <section className="panel">
        <h2>Today</h2>
        <p className="empty">No dressing visits are booked for today.</p>
      </section>
      <PatientSearch />
    </>
  );
}
