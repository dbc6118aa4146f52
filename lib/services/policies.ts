// The site's clinic policies (SX-3 validity, PO-3 series length, PO-4 first physiotherapy, SC-5
// durations): defaults in lib/domain/policies.ts, the site's own values set by the administrator.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { policiesOf, type ClinicPolicies } from "@/lib/domain/policies";
import type { PoliciesInput } from "@/lib/schemas/policies";
import { recordAudit } from "./audit";

export async function sitePolicies(actor: Actor): Promise<ClinicPolicies> {
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  return policiesOf(site.policies);
}

export async function setSitePolicies(actor: Actor, input: PoliciesInput): Promise<ClinicPolicies> {
  return db().$transaction(async (tx) => {
    const { siteId } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id } });
    const site = await tx.site.update({ where: { id: siteId }, data: { policies: input } });
    await recordAudit(tx, actor, [{ action: "policies.set", entity: "site", entityId: siteId }]);
    return policiesOf(site.policies);
  });
}
