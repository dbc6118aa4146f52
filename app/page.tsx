import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { workspaceOf } from "@/lib/auth/policy";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? workspaceOf[actor.role] : "/login");
}
