// Staff accounts, run by the administrator. A new account gets the usual hours (weekdays
// 08:00-18:00 site time; nurses every day), to adjust under Hours. A deactivated account can no
// longer sign in, and its open sessions end at once.
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { recordAudit } from "./audit";

const at = (hours: number) => new Date(Date.UTC(1970, 0, 1, hours, 0, 0));
const account = { id: true, name: true, role: true, email: true, active: true } as const;

export async function listStaffAccounts() {
  return db().staff.findMany({ orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }], select: account });
}

export async function createStaffAccount(actor: Actor, input: { email: string; name: string; role: Role; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const { siteId } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id } });
    const weekdays = input.role === "nurse" ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
    const staff = await tx.staff.create({
      data: {
        siteId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        workingHours: { create: weekdays.map((weekday) => ({ weekday, startsAt: at(8), endsAt: at(18) })) },
      },
      select: account,
    });
    await recordAudit(tx, actor, [{ action: "staff.create", entity: "staff", entityId: staff.id }]);
    return staff;
  });
}

export async function updateStaffAccount(actor: Actor, id: string, patch: { name?: string; role?: Role; active?: boolean }) {
  return db().$transaction(async (tx) => {
    if (!(await tx.staff.findUnique({ where: { id } }))) throw notFound("The staff member");
    const staff = await tx.staff.update({ where: { id }, data: patch, select: account });
    if (patch.active === false) await tx.staffSession.updateMany({ where: { staffId: id, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, actor, [{ action: "staff.update", entity: "staff", entityId: id, detail: { fields: Object.keys(patch).join(",") } }]);
    return staff;
  });
}
