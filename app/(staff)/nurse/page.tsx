import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { DressingRound } from "@/components/recovery/dressing-round";
import { RecoveryBoard } from "@/components/recovery/recovery-board";

export default async function NursePage() {
  const actor = await requirePageActor("workspace.nurse");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Dressing round</h1>
      <DressingRound today={site.today} />
      <RecoveryBoard canAcknowledge={false} canReplace />
    </>
  );
}
