import { requirePageActor } from "@/lib/auth/page";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/CaseWorklist";
import { PatientSearch } from "@/components/patients/PatientSearch";

const groups: WorklistGroup[] = [{ title: "Patients after their operation", statuses: ["operated", "recovery"], empty: "No patient is recovering from an operation." }];

export default async function PhysioPage() {
  await requirePageActor("workspace.physio");
  return (
    <>
      <h1>Physiotherapy</h1>
      <CaseWorklist groups={groups} />
      <PatientSearch />
    </>
  );
}
