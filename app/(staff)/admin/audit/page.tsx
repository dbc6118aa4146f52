import { requirePageActor } from "@/lib/auth/page";
import { AuditBrowser } from "@/components/audit/audit-browser";

export default async function AuditPage() {
  await requirePageActor("audit.read");
  return (
    <>
      <h1>Audit trail</h1>
      <AuditBrowser />
    </>
  );
}
