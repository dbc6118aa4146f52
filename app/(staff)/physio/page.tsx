import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/case-worklist";
import { PhysioSessions } from "@/components/recovery/physio-sessions";

const groups: WorklistGroup[] = [
  {
    title: "Patients after their operation",
    statuses: ["operated", "recovery"],
    empty: "No patient is recovering from an operation.",
  },
];

export default async function PhysioPage() {
  const actor = await requirePageActor("workspace.physio");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Physiotherapy</h1>
      <PhysioSessions physioId={actor.id} today={site.today} timeZone={site.timeZone} />
      <CaseWorklist groups={groups} />
    </>
  );
}
