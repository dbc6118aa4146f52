import { z } from "zod";
import { roles } from "@/lib/auth/policy";
import { text, uuid } from "./common";

export const roomKinds = ["theatre", "consulting", "imaging", "physio", "dressing"] as const;

export const staffQuery = z.object({ role: z.enum(roles).optional() });
export const staffMember = z.object({ id: uuid, name: z.string(), role: z.enum(roles) }).meta({ id: "StaffMember" });
export const staffList = z.object({ items: z.array(staffMember) }).meta({ id: "StaffList" });

export const staffInput = z
  .object({
    email: z.email("Not an email address").trim().toLowerCase(),
    name: text(100),
    role: z.enum(roles),
    password: z.string().min(12, "At least 12 characters").max(200),
  })
  .strict()
  .meta({ id: "StaffInput" });
export const staffPatch = z
  .object({ name: text(100).optional(), role: z.enum(roles).optional(), active: z.boolean().optional() })
  .strict()
  .meta({ id: "StaffPatch" });
export const staffAccount = staffMember.extend({ email: z.string(), active: z.boolean() }).meta({ id: "StaffAccount" });

export const roomQuery = z.object({ kind: z.enum(roomKinds).optional() });
export const room = z.object({ id: uuid, name: z.string(), kind: z.enum(roomKinds) }).meta({ id: "Room" });
export const roomList = z.object({ items: z.array(room) }).meta({ id: "RoomList" });
