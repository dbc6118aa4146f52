import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page";
import { PatientSearch } from "@/components/patients/patient-search";
import { WaitingListCard } from "@/components/waiting-list/summary-card";

export default async function ReceptionPage() {
  await requirePageActor("workspace.reception");
  return (
    <>
      <h1>Reception</h1>
      <p>
        <Link href="/reception/patients/new">Register a new patient</Link>
      </p>
      <PatientSearch linkBase="/reception/patients/" />
      <WaitingListCard />
    </>
  );
}
