import { requirePageActor } from "@/lib/auth/page";
import { isAllowed } from "@/lib/auth/policy";
import { actorSite } from "@/lib/services/sites";
import { WaitingList } from "@/components/waiting-list/waiting-list";

export const dynamic = "force-dynamic";

export default async function WaitingListPage() {
  const actor = await requirePageActor("waitingList.read");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Waiting list</h1>
      <WaitingList today={site.today} timeZone={site.timeZone} linkCases={isAllowed(actor.role, "case.readSummary")} />
    </>
  );
}
