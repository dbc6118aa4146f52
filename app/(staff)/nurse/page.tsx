import { requirePageActor } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";
import { DressingRound } from "@/components/recovery/DressingRound";
import { RecoveryBoard } from "@/components/recovery/RecoveryBoard";

export default async function NursePage() {
  const actor = await requirePageActor("workspace.nurse");
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  return (
    <>
      <h1>Dressing round</h1>
      <DressingRound today={dayOf(new Date(), site.timeZone)} />
      <RecoveryBoard canAcknowledge={false} canReplace />
    </>
  );
}
