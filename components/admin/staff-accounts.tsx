"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, type BodyOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { roles } from "@/lib/auth/policy";
import { DataTable } from "@/components/ui/data-table";
import { ProblemMessage } from "@/components/ui/problem-message";
import { roleLabel } from "@/components/session/navigation";
import { PasswordLinkNotice, type IssuedLink } from "./password-link-notice";
import { StaffEdit } from "./staff-edit";

type StaffInput = BodyOf<typeof endpoints.createStaff>;
type Account = { id: string; name: string; role: (typeof roles)[number]; email: string; active: boolean };

/** A link as issued: its url is null only in a replay for an Idempotency-Key, which this page never sends. */
const shown = (link: { url: string | null; expiresAt: string }) => ({ url: link.url ?? "", expiresAt: link.expiresAt });

/**
 * Staff accounts: add one, edit a name or role (never one's own role, AC-1), deactivate (after a
 * confirmation) or reactivate, and issue a new set-password link. Each link is shown once, to hand to the account's owner, who sets the
 * password (AC-2). The administrator's own account cannot be deactivated here (AC-1).
 */
export function StaffAccounts({ accounts, selfId }: { accounts: Account[]; selfId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [link, setLink] = useState<IssuedLink | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  const update = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api(endpoints.updateStaff, { params: { id }, body: { active } }),
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });
  const create = useMutation({
    mutationFn: (body: StaffInput) => api(endpoints.createStaff, { body }),
    onSuccess: (account) => {
      setLink({ name: account.name, ...shown(account.passwordLink), first: true });
      router.refresh();
    },
  });
  const issue = useMutation({
    mutationFn: (account: Account) => api(endpoints.issuePasswordLink, { params: { id: account.id } }),
    onSuccess: (issued, account) => setLink({ name: account.name, ...shown(issued), first: false }),
  });

  return (
    <>
      {link && <PasswordLinkNotice link={link} onDone={() => setLink(null)} />}
      {saved && (
        <p role="status" className="alert ok">
          {saved}
        </p>
      )}
      <DataTable
        rows={accounts}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.active ? undefined : "inactive")}
        columns={[
          { header: "Name", cell: (a) => a.name },
          { header: "Email", cell: (a) => a.email },
          { header: "Role", cell: (a) => roleLabel[a.role] },
          {
            header: "Details",
            cell: (a) =>
              editing === a.id ? (
                <StaffEdit
                  account={a}
                  self={a.id === selfId}
                  onCancel={() => setEditing(null)}
                  onSaved={(account) => {
                    setEditing(null);
                    setSaved(`Saved: ${account.name}, ${roleLabel[account.role]}.`);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setSaved("");
                    setEditing(a.id);
                  }}
                >
                  Edit {a.name}
                </button>
              ),
          },
          {
            header: "Account",
            cell: (a) =>
              a.id === selfId ? (
                <span className="muted">Your account</span>
              ) : !a.active ? (
                <button type="button" className="secondary" onClick={() => update.mutate({ id: a.id, active: true })}>
                  Reactivate {a.name}
                </button>
              ) : confirming === a.id ? (
                <span className="row tight" role="group" aria-label={`Confirm deactivating ${a.name}`}>
                  <button type="button" onClick={() => update.mutate({ id: a.id, active: false })}>
                    Yes, deactivate
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    Keep active
                  </button>
                </span>
              ) : (
                <button type="button" className="secondary" onClick={() => setConfirming(a.id)}>
                  Deactivate {a.name}…
                </button>
              ),
          },
          {
            header: "Password",
            cell: (a) => (
              <button type="button" className="secondary" disabled={issue.isPending} onClick={() => issue.mutate(a)}>
                New set-password link for {a.name}
              </button>
            ),
          },
        ]}
      />
      {update.error && <ProblemMessage error={update.error} />}
      {issue.error && <ProblemMessage error={issue.error} />}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          create.mutate({
            name: String(f.get("staff-name")),
            email: String(f.get("staff-email")),
            role: String(f.get("staff-role")) as StaffInput["role"],
          });
        }}
      >
        <div className="field">
          <label htmlFor="staff-name">Name</label>
          <input id="staff-name" name="staff-name" required />
        </div>
        <div className="field">
          <label htmlFor="staff-email">Email</label>
          <input id="staff-email" name="staff-email" type="email" required />
        </div>
        <div className="field">
          <label htmlFor="staff-role">Role</label>
          <select id="staff-role" name="staff-role">
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" disabled={create.isPending}>
            Add staff member
          </button>
        </div>
      </form>
      <p className="muted">The new member of staff sets their own password with the link shown after adding them.</p>
      {create.error && <ProblemMessage error={create.error} />}
    </>
  );
}
