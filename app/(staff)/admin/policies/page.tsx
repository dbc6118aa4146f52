import { requirePageActor } from "@/lib/auth/page";
import { PoliciesForm } from "@/components/admin/policies-form";

export default async function PoliciesPage() {
  await requirePageActor("staff.manage");
  return (
    <>
      <h1>Clinic policies</h1>
      <p className="muted">The protocol leaves these to each clinic; the defaults are the protocol&apos;s.</p>
      <PoliciesForm />
    </>
  );
}
