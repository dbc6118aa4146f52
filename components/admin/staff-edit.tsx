"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { roles, type Role } from "@/lib/auth/policy";
import { ProblemMessage } from "@/components/ui/problem-message";
import { roleLabel } from "@/components/session/navigation";

type Account = { id: string; name: string; role: Role };

/**
 * Edits a staff member's name and role. One's own role is not offered (AC-1: another
 * administrator changes it; the server refuses it too). Calls `onSaved` with what was saved.
 */
export function StaffEdit({
  account,
  self,
  onSaved,
  onCancel,
}: {
  account: Account;
  self: boolean;
  onSaved: (saved: Account) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (body: { name: string; role?: Role }) =>
      api(endpoints.updateStaff, { params: { id: account.id }, body }),
    onSuccess: (saved) => {
      onSaved(saved);
      router.refresh();
    },
  });
  const id = (field: string) => `edit-${field}-${account.id}`;
  return (
    <form
      className="row tight"
      aria-label={`Edit ${account.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const name = String(f.get("name"));
        save.mutate(self ? { name } : { name, role: String(f.get("role")) as Role });
      }}
    >
      <div className="field">
        <label htmlFor={id("name")}>Name</label>
        <input id={id("name")} name="name" defaultValue={account.name} required />
      </div>
      {self ? (
        <p className="muted">Your own role is changed by another administrator.</p>
      ) : (
        <div className="field">
          <label htmlFor={id("role")}>Role</label>
          <select id={id("role")} name="role" defaultValue={account.role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
      </div>
      <div className="field">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {save.error && <ProblemMessage error={save.error} />}
    </form>
  );
}
