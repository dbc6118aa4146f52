"use client";

import { formatDateTime } from "@/lib/domain/date-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, apiAll, type AnswerOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { DataTable } from "@/components/ui/data-table";
import { CopyableLink } from "@/components/ui/copyable-link";
import { ProblemMessage } from "@/components/ui/problem-message";

type Issued = AnswerOf<typeof endpoints.issuePortalLink>;

const stateLabel = { active: "Working", expired: "Expired", revoked: "Withdrawn" } as const;
const channelLabel = { email: "email", sms: "text message (SMS)" } as const;

/** How the new link reached the patient, in words. */
function sentByWords(sentBy: Issued["sentBy"]): string {
  if (sentBy.length === 0)
    return "It was not sent: the patient has not agreed to email or text messages, or we have no address for them. Give it to them yourself.";
  return `It is being sent to the patient by ${sentBy.map((c) => channelLabel[c]).join(" and ")}.`;
}

/** The new link, shown once, with a copy button and how it reaches the patient. */
function IssuedLink({ link, timeZone, onDone }: { link: Issued; timeZone: string; onDone: () => void }) {
  const url = link.url ?? "";
  return (
    <div role="status" className="alert ok">
      <p>
        <strong>A new link to the patient&apos;s page.</strong> It works until{" "}
        {formatDateTime(link.expiresAt, timeZone)} and is shown only now. {sentByWords(link.sentBy)}
      </p>
      <CopyableLink id="portal-link-url" label="Link to the patient's page" url={url} size={50} onDone={onDone} />
    </div>
  );
}

/**
 * The "Patient page" section of a patient's record: make a link to the patient's own page (shown
 * once, sent as the patient consents), the links made so far with their expiry and last use, and
 * withdrawing one (after a confirmation). Times are the site's (`timeZone`).
 */
export function PortalLinks({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const queryKey = ["portal-links", { patientId }];
  const links = useQuery({
    queryKey,
    queryFn: () => apiAll(endpoints.listPortalLinks, { params: { id: patientId } }),
  });
  const issue = useMutation({
    mutationFn: () => api(endpoints.issuePortalLink, { params: { id: patientId } }),
    onSuccess: (link) => {
      setIssued(link);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(endpoints.revokePortalLink, { params: { id } }),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const at = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "never");

  return (
    <section className="panel" aria-labelledby="portal-links-title">
      <h2 id="portal-links-title">Patient page</h2>
      <p className="muted">
        A private link lets the patient see their appointments and plan, report their pain and ask to move an
        appointment, without signing in. Making a new link withdraws the patient&apos;s earlier ones.
      </p>
      {issued && <IssuedLink link={issued} timeZone={timeZone} onDone={() => setIssued(null)} />}
      {issue.error && <ProblemMessage error={issue.error} />}
      <p>
        <button type="button" onClick={() => issue.mutate()} disabled={issue.isPending}>
          {issue.isPending ? "Making the link…" : "Make a link to the patient's page"}
        </button>
      </p>
      {links.isPending && <p className="muted">Loading…</p>}
      {links.error && <ProblemMessage error={links.error} />}
      {revoke.error && <ProblemMessage error={revoke.error} />}
      {links.data && (
        <DataTable
          rows={links.data.items}
          rowKey={(l) => l.id}
          rowClassName={(l) => (l.state === "active" ? undefined : "inactive")}
          caption="Links made for this patient, newest first"
          empty="No link made yet."
          stacked
          columns={[
            { header: "Made", cell: (l) => `${at(l.createdAt)} by ${l.createdBy}` },
            { header: "Works until", cell: (l) => at(l.expiresAt) },
            { header: "Last used", cell: (l) => at(l.lastUsedAt) },
            {
              header: "State",
              cell: (l) =>
                l.state === "revoked" && l.revokedAt
                  ? `${stateLabel.revoked} ${at(l.revokedAt)}${l.revokedBy ? ` by ${l.revokedBy}` : ""}`
                  : stateLabel[l.state],
            },
            {
              header: "Withdraw",
              cell: (l) =>
                l.state !== "active" ? (
                  <span className="muted">—</span>
                ) : confirming === l.id ? (
                  <span className="row tight" role="group" aria-label="Confirm withdrawing the link">
                    <button type="button" onClick={() => revoke.mutate(l.id)} disabled={revoke.isPending}>
                      Yes, withdraw it
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <button type="button" className="secondary" onClick={() => setConfirming(l.id)}>
                    Withdraw…
                  </button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
