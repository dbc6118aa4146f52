import { z } from "zod";
import { roles } from "@/lib/auth/policy";
import { uuid } from "./common";

export const roomKinds = ["theatre", "consulting", "imaging", "physio", "dressing"] as const;

export const staffQuery = z.object({ role: z.enum(roles).optional() });
export const staffMember = z.object({ id: uuid, name: z.string(), role: z.enum(roles) }).meta({ id: "StaffMember" });
export const staffList = z.object({ items: z.array(staffMember) }).meta({ id: "StaffList" });

export const roomQuery = z.object({ kind: z.enum(roomKinds).optional() });
export const room = z.object({ id: uuid, name: z.string(), kind: z.enum(roomKinds) }).meta({ id: "Room" });
export const roomList = z.object({ items: z.array(room) }).meta({ id: "RoomList" });
