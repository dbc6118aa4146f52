import type { Metadata } from "next";
import { headers } from "next/headers";
import { appUrlFromHeaders } from "@/lib/http/links";
import { portalWait } from "@/lib/http/portal-limit";
import { readPortalPage } from "@/lib/services/portal/view";
import { PortalActions } from "@/components/portal/portal-actions";
import { PortalPageView, PortalRefusal } from "@/components/portal/portal-page";
import { Providers } from "@/components/providers";

// The token is in the address: it must not leave for another site in a Referer header nor be
// indexed (proxy.ts also sends Referrer-Policy: same-origin and X-Robots-Tag for every /portal/
// answer).
export const metadata: Metadata = {
  title: "Your page",
  referrer: "same-origin",
  robots: { index: false, follow: false },
};

/**
 * The patient's own page, opened by the link's token without a staff session: their appointments,
 * the calendar subscription, their plan and what they can do (PortalActions). Each opening is
 * audited with the patient as the actor (lib/services/portal/view.ts) and rate-limited; a link
 * that opens nothing shows why, and no patient data.
 */
export default async function PortalPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const requestHeaders = await headers();
  const wait = await portalWait(requestHeaders, token);
  if (wait !== null)
    return (
      <main className="portal">
        <PortalRefusal reason="busy" waitSeconds={wait} />
      </main>
    );
  const reading = await readPortalPage(token);
  if (reading.state !== "open")
    return (
      <main className="portal">
        <PortalRefusal reason={reading.state} />
      </main>
    );
  const page = reading.value;
  const feed = appUrlFromHeaders(requestHeaders, `/portal/${token}/calendar.ics`);
  return (
    <main className="portal">
      <PortalPageView
        givenName={page.givenName}
        clinic={page.clinic}
        linkExpires={page.linkExpires}
        appointments={page.appointments}
        plan={page.plan}
        calendar={{ https: feed, webcal: feed.replace(/^https?:/, "webcal:") }}
        actions={
          <Providers>
            <PortalActions
              token={token}
              appointments={page.appointments
                .filter((a) => a.movable)
                .map(({ id, what, when, moveRequest }) => ({
                  id,
                  what,
                  when,
                  moveRequest,
                }))}
              canReportPain={page.canReportPain}
              painToday={page.painToday}
              timeZone={page.timeZone}
            />
          </Providers>
        }
      />
    </main>
  );
}
