// Staff accounts, run by the administrator. A new account gets the usual hours (weekdays
// 08:00-18:00 site time; nurses every day), to adjust under Hours, and no password: its owner
// sets one through a set-password link (AC-2). A deactivated account can no longer sign in, and
// its open sessions end at once. The clinic always keeps an administrator (AC-1).
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { ruleCatalogue } from "@/lib/domain/rules";
import { db } from "@/lib/db/client";
import { conflict, notFound, ruleViolation } from "@/lib/domain/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "./audit";
import { issuePasswordLinkIn, type IssuedPasswordLink } from "./password-links";

const at = (hours: number) => new Date(Date.UTC(1970, 0, 1, hours, 0, 0));
const account = { id: true, name: true, role: true, email: true, active: true } as const;

export type StaffAccount = { id: string; name: string; role: Role; email: string; active: boolean };

export async function listStaffAccounts(): Promise<StaffAccount[]> {
  return db().staff.findMany({ orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }], select: account });
}

/**
 * Adds an account at the administrator's site, with a set-password link for its owner (valid 72
 * hours). Answers the account and the link's token, which is shown once and stored only hashed.
 * Errors: `conflict` CONFLICT when another account has the email (`errors` names the email field).
 */
export async function createStaffAccount(
  actor: Actor,
  input: { email: string; name: string; role: Role },
  now = new Date(),
): Promise<StaffAccount & { passwordLink: IssuedPasswordLink }> {
  return db().$transaction(async (tx) => {
    const { siteId } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id } });
    const weekdays = input.role === "nurse" ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
    const staff = await tx.staff
      .create({
        data: {
          siteId,
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: null,
          workingHours: { create: weekdays.map((weekday) => ({ weekday, startsAt: at(8), endsAt: at(18) })) },
        },
        select: account,
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw conflict("CONFLICT", "Another staff account already uses this email address.", {
          errors: [{ path: "email", message: "Already used by another staff account" }],
        });
      });
    await recordAudit(tx, actor, [
      { action: "staff.create", entity: "staff", entityId: staff.id, detail: { role: staff.role } },
    ]);
    return { ...staff, passwordLink: await issuePasswordLinkIn(tx, actor, staff.id, now) };
  });
}

const refuse = (message: string) => ruleViolation("AC-1", message, ruleCatalogue["AC-1"]);

/**
 * Renames an account, changes its role, deactivates or reactivates it (AC-1: never one's own
 * role or one's own account; never a site's last active administrator). Audited with the new values.
 * Errors: `not_found` for an unknown account; `rule` AC-1.
 */
export async function updateStaffAccount(
  actor: Actor,
  id: string,
  patch: { name?: string; role?: Role; active?: boolean },
  now = new Date(),
): Promise<StaffAccount> {
  return db().$transaction(async (tx) => {
    // Changes to one site's staff queue on the site's row, so the count of its administrators
    // below is current: two administrators deactivating each other at once leave one.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT site.id FROM site JOIN staff ON staff.site_id = site.id WHERE staff.id = ${id}::uuid FOR UPDATE OF site`;
    const target =
      locked.length > 0
        ? await tx.staff.findUnique({ where: { id }, select: { siteId: true, role: true, active: true } })
        : null;
    if (!target) throw notFound("The staff member");
    const role = patch.role ?? target.role;
    const active = patch.active ?? target.active;
    if (id === actor.id && role !== target.role)
      throw refuse("You cannot change your own role: another administrator can.");
    if (id === actor.id && !active && target.active)
      throw refuse("You cannot deactivate your own account: another administrator can.");
    if (target.role === "admin" && target.active && (role !== "admin" || !active)) {
      const others = await tx.staff.count({
        where: { siteId: target.siteId, role: "admin", active: true, id: { not: id } },
      });
      if (others === 0) throw refuse("This is the site's last active administrator: make another administrator first.");
    }
    const staff = await tx.staff.update({ where: { id }, data: patch, select: account });
    if (patch.active === false)
      await tx.staffSession.updateMany({ where: { staffId: id, endedAt: null }, data: { endedAt: now } });
    await recordAudit(tx, actor, [
      {
        action: "staff.update",
        entity: "staff",
        entityId: id,
        detail: { fields: Object.keys(patch).join(","), ...patch },
      },
    ]);
    return staff;
  });
}
