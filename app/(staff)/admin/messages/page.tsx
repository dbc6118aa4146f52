import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { OutboxBrowser } from "@/components/messages/outbox-browser";

export default async function MessagesPage() {
  const actor = await requirePageActor("workspace.admin");
  const site = await actorSite(actor);
  return (
    <>
      <h1>Messages to patients</h1>
      <p className="muted">
        Every email and text message the clinic writes to patients, with what became of it. Times are the clinic&apos;s.{" "}
        <Link href="/admin/messages/templates">Read the templates they are written from</Link>.
      </p>
      <OutboxBrowser timeZone={site.timeZone} />
    </>
  );
}
