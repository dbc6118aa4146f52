import { redirect } from "next/navigation";
import { currentActor, type Actor } from "./actor";
import { isAllowed, workspaceOf, type Action } from "./policy";

/** For server pages: the signed-in actor allowed to open this page, or a redirect. */
export async function requirePageActor(action: Action): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!isAllowed(actor.role, action)) redirect(workspaceOf[actor.role]);
  return actor;
}
