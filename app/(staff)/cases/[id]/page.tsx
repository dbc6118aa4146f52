import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { isAllowed, mayBook, mayMarkAttendance } from "@/lib/auth/policy";
import { DomainError } from "@/lib/domain/errors";
import { appointmentKinds } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { casePainView } from "@/lib/services/outcomes";
import { CaseView } from "@/components/cases/case-view";
import { PainSection } from "@/components/cases/pain-section";

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
    sendPlanMessage: isAllowed(actor.role, "case.sendPlanMessage"),
  };
  // The pain section is drawn here, on the server (its chart is SVG); an unknown case is left to
  // the case view, which says so.
  const pain = isAllowed(actor.role, "outcome.read")
    ? await casePainView(actor, id).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === "not_found") return null;
        throw error;
      })
    : null;
  return (
    <CaseView
      caseId={id}
      can={can}
      rebookId={uuid.safeParse(rebook).success ? rebook : undefined}
      pain={pain && <PainSection caseId={id} {...pain} canRecord={isAllowed(actor.role, "outcome.recordPainScore")} />}
    />
  );
}
