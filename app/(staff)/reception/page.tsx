import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/patient-search";
import { WaitingListCard } from "@/components/waiting-list/summary-card";
import { MoveRequestsPanel } from "@/components/move-requests/move-requests-panel";
import { FlaggedMessages } from "@/components/messages/flagged-messages";
import { actorSite } from "@/lib/services/sites";

export default async function ReceptionPage() {
  const actor = await requirePageActor("workspace.reception");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Reception</h1>
      <p>
        <Link href="/reception/patients/new">Register a new patient</Link>
      </p>
      <PatientSearch linkBase="/reception/patients/" />
      <MoveRequestsPanel timeZone={site.timeZone} />
      <FlaggedMessages timeZone={site.timeZone} />
      <WaitingListCard />
    </>
  );
}
