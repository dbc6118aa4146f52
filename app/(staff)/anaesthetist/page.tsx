import { requirePageActor } from "@/lib/auth/page";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/case-worklist";

const groups: WorklistGroup[] = [
  {
    title: "Waiting for a pre-operative assessment",
    statuses: ["listed_for_surgery"],
    empty: "No listed case is waiting for an assessment.",
  },
  {
    title: "Assessed, waiting for the operation",
    statuses: ["assessed", "scheduled"],
    empty: "No assessed case is waiting for its operation.",
  },
];

export default async function AnaesthetistPage() {
  await requirePageActor("workspace.anaesthetist");
  return (
    <>
      <h1>Pre-operative assessments</h1>
      <CaseWorklist groups={groups} showAssessment />
    </>
  );
}
