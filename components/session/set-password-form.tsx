"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { passwordRule, setPasswordForm } from "@/lib/schemas/staff";
import { ProblemMessage } from "@/components/ui/problem-message";

type FieldErrors = Partial<Record<"password" | "confirmation", string>>;

/** The owner's password, typed twice, set through the link's token; then on to sign in. */
export function SetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (password: string) => api(endpoints.setPassword, { body: { token, password } }),
    onSuccess: () => router.replace("/login?password=set"),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = setPasswordForm.safeParse({
      password: String(form.get("password") ?? ""),
      confirmation: String(form.get("confirmation") ?? ""),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data.password);
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordRule.minLength}
          aria-describedby={errors.password ? "password-rule password-error" : "password-rule"}
          aria-invalid={Boolean(errors.password)}
        />
        <div id="password-rule" className="muted">
          {passwordRule.text}
        </div>
        {errors.password && (
          <div id="password-error" className="error">
            {errors.password}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="confirmation">The same password again</label>
        <input
          id="confirmation"
          name="confirmation"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="confirmation-error"
          aria-invalid={Boolean(errors.confirmation)}
        />
        {errors.confirmation && (
          <div id="confirmation-error" className="error">
            {errors.confirmation}
          </div>
        )}
      </div>
      {save.error && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? "Setting the password…" : "Set my password"}
      </button>
    </form>
  );
}
