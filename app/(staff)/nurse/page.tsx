import { requirePageActor } from "@/lib/auth/page";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/CaseWorklist";
import { PatientSearch } from "@/components/patients/PatientSearch";

const groups: WorklistGroup[] = [{ title: "Patients after their operation", statuses: ["operated", "recovery"], empty: "No patient is recovering from an operation." }];

export default async function NursePage() {
  await requirePageActor("workspace.nurse");
  return (
    <>
      <h1>Dressing round</h1>
      <CaseWorklist groups={groups} />
      <PatientSearch />
    </>
  );
}
