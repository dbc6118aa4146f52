import { requirePageActor } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";
import { CaseWorklist, type WorklistGroup } from "@/components/cases/CaseWorklist";
import { PhysioSessions } from "@/components/recovery/PhysioSessions";

const groups: WorklistGroup[] = [{ title: "Patients after their operation", statuses: ["operated", "recovery"], empty: "No patient is recovering from an operation." }];

export default async function PhysioPage() {
  const actor = await requirePageActor("workspace.physio");
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  return (
    <>
      <h1>Physiotherapy</h1>
      <PhysioSessions physioId={actor.id} today={dayOf(new Date(), site.timeZone)} timeZone={site.timeZone} />
      <CaseWorklist groups={groups} />
    </>
  );
}
