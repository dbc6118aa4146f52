import { requirePageActor } from "@/lib/auth/page";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/case-worklist";
import { PatientSearch } from "@/components/patients/patient-search";
import { RecoveryBoard } from "@/components/recovery/recovery-board";

const groups: WorklistGroup[] = [
  { title: "Awaiting diagnosis", statuses: ["referred"], empty: "No referred case is waiting for a diagnosis." },
  {
    title: "Diagnosed: first-line treatment to start",
    statuses: ["diagnosed"],
    empty: "No diagnosed case is waiting for treatment.",
  },
  {
    title: "In first-line treatment: review due",
    statuses: ["first_line"],
    empty: "No case is in first-line treatment.",
  },
  {
    title: "Listed: waiting for an assessment or a date",
    statuses: ["listed_for_surgery", "assessed", "scheduled"],
    empty: "No case is listed for surgery.",
  },
  { title: "Operated and in recovery", statuses: ["operated", "recovery"], empty: "No operated case is in recovery." },
];

export default async function SurgeonPage() {
  await requirePageActor("workspace.surgeon");
  return (
    <>
      <h1>Case review</h1>
      <RecoveryBoard canAcknowledge canReplace={false} />
      <CaseWorklist groups={groups} />
      <PatientSearch />
    </>
  );
}
