import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { isAllowed, mayBook, mayMarkAttendance } from "@/lib/auth/policy";
import { appointmentKinds } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { CaseView } from "@/components/cases/case-view";

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rebook?: string }>;
}) {
  const actor = await requirePageActor("case.readSummary");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  // ?rebook=<appointment id>: the recovery board's "Book again" for a visit not attended.
  const { rebook } = await searchParams;
  const can = {
    recordClinical: isAllowed(actor.role, "case.recordClinical"),
    recordAssessment: isAllowed(actor.role, "case.recordAssessment"),
    recordRecovery: isAllowed(actor.role, "case.recordRecovery"),
    outcomes: {
      read: isAllowed(actor.role, "outcome.read"),
      recordReturn: isAllowed(actor.role, "outcome.recordReturn"),
      recordComplication: isAllowed(actor.role, "outcome.recordComplication"),
    },
    bookableKinds: appointmentKinds.filter((kind) => mayBook(actor.role, kind)),
    attendanceKinds: appointmentKinds.filter((kind) => mayMarkAttendance(actor.role, kind)),
  };
  return <CaseView caseId={id} can={can} rebookId={uuid.safeParse(rebook).success ? rebook : undefined} />;
}
