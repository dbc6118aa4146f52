import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { uuid } from "@/lib/schemas/common";
import { EditPatient } from "@/components/patients/EditPatient";

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ registered?: string }>;
}) {
  await requirePageActor("patient.edit");
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const { registered } = await searchParams;
  return <EditPatient id={id} justRegistered={registered === "1"} />;
}
