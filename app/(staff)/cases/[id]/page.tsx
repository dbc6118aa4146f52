import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { isAllowed, mayBook } from "@/lib/auth/policy";
import { appointmentKinds } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { CaseView } from "@/components/cases/case-view";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("case.readSummary");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const can = {
    recordClinical: isAllowed(actor.role, "case.recordClinical"),
    recordAssessment: isAllowed(actor.role, "case.recordAssessment"),
    recordRecovery: isAllowed(actor.role, "case.recordRecovery"),
    bookableKinds: appointmentKinds.filter((kind) => mayBook(actor.role, kind)),
  };
  return <CaseView caseId={id} can={can} />;
}
