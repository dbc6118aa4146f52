import { z } from "zod";
import { roles, roomKinds } from "@/lib/domain/vocabulary";
import { text, uuid } from "./common";

/** The error next-auth hands the sign-in form when the account is locked after 5 failures in a row. */
export const lockedOut = "LOCKED";

export const staffQuery = z.object({ role: z.enum(roles).optional() });
const staffMember = z.object({ id: uuid, name: z.string(), role: z.enum(roles) }).meta({ id: "StaffMember" });
export const staffList = z.object({ items: z.array(staffMember) }).meta({ id: "StaffList" });

export const staffInput = z
  .object({
    email: z.email("Not an email address").trim().toLowerCase(),
    name: text(100),
    role: z.enum(roles),
  })
  .strict()
  .meta({
    id: "StaffInput",
    description: "No password: the account's owner sets it through the set-password link (AC-2)",
  });
export const staffPatch = z
  .object({ name: text(100).optional(), role: z.enum(roles).optional(), active: z.boolean().optional() })
  .strict()
  .meta({ id: "StaffPatch" });
export const staffAccount = staffMember.extend({ email: z.string(), active: z.boolean() }).meta({ id: "StaffAccount" });

/** The rule for a password its owner chooses, shown on the form before it is sent. */
export const passwordRule = {
  minLength: 12,
  maxLength: 200,
  text: "At least 12 characters (at most 200). A few words only you would put together are easier to remember.",
} as const;
const newPassword = z
  .string()
  .min(passwordRule.minLength, `At least ${passwordRule.minLength} characters`)
  .max(passwordRule.maxLength, `At most ${passwordRule.maxLength} characters`);
export const passwordLink = z
  .object({
    id: uuid,
    url: z.url().nullable().meta({
      description:
        "The set-password page for the account's owner; shown once: null when replayed for an Idempotency-Key",
    }),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({
    id: "PasswordLink",
    description: "A one-time set-password link (AC-2), valid 72 hours; a newer link revokes the older ones",
  });
export const newStaffAccount = staffAccount.extend({ passwordLink }).meta({ id: "NewStaffAccount" });
export const setPasswordInput = z
  .object({ token: z.string().min(1, "Required").max(200), password: newPassword })
  .strict()
  .meta({ id: "SetPasswordInput" });
export const setPasswordResult = z.object({ email: z.string() }).meta({ id: "SetPasswordResult" });
/** The set-password form: the password typed twice. */
export const setPasswordForm = z
  .object({ password: newPassword, confirmation: z.string() })
  .refine((f) => f.password === f.confirmation, {
    path: ["confirmation"],
    message: "The two passwords are not the same",
  });

export const roomQuery = z.object({ kind: z.enum(roomKinds).optional() });
export const room = z.object({ id: uuid, name: z.string(), kind: z.enum(roomKinds) }).meta({ id: "Room" });
export const roomList = z.object({ items: z.array(room) }).meta({ id: "RoomList" });
