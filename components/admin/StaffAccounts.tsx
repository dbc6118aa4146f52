"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { roles } from "@/lib/auth/policy";
import { ProblemMessage } from "@/components/ui/ProblemMessage";
import { roleLabel } from "@/components/session/navigation";

type Account = { id: string; name: string; role: (typeof roles)[number]; email: string; active: boolean };

/** Staff accounts: add one, and deactivate (after a confirmation) or reactivate. */
export function StaffAccounts({ accounts }: { accounts: Account[] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api(`/api/v1/staff/${id}`, { method: "PATCH", body: { active } }),
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });
  const create = useMutation({
    mutationFn: (body: Record<string, string>) => api("/api/v1/staff", { method: "POST", body }),
    onSuccess: () => router.refresh(),
  });

  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className={a.active ? undefined : "inactive"}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>{roleLabel[a.role]}</td>
              <td>
                {!a.active ? (
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
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {update.error && <ProblemMessage error={update.error} />}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          create.mutate(Object.fromEntries(["name", "email", "role", "password"].map((k) => [k, String(f.get(`staff-${k}`))])));
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
          <label htmlFor="staff-password">First password</label>
          <input id="staff-password" name="staff-password" type="password" minLength={12} required autoComplete="new-password" />
        </div>
        <div className="field">
          <button type="submit" disabled={create.isPending}>
            Add staff member
          </button>
        </div>
      </form>
      {create.error && <ProblemMessage error={create.error} />}
    </>
  );
}
