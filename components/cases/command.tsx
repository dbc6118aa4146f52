"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { api, fromForm, type BodyOf, type CallArguments, type FormBody, type ParamsOf } from "@/lib/http/client";
import type { Endpoint } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";

type Availability = { allowed: boolean; rule?: string; reason?: string };

/**
 * Posts one command of the catalogue on a case (`params.id`), its body as the form read it; a
 * retry of the same submission reuses its Idempotency-Key.
 */
export function useCaseCommand<E extends Endpoint>(endpoint: E, params: ParamsOf<E> & { id: string }) {
  const queryClient = useQueryClient();
  const key = useRef<string>(crypto.randomUUID());
  const caseId = params.id;
  return useMutation({
    mutationFn: (values: FormBody<BodyOf<E>>) => {
      const call = { params, body: fromForm(endpoint, values), idempotencyKey: key.current };
      // TypeScript cannot resolve the call's type for an endpoint not known yet: the parameter types say it.
      return api(endpoint, ...([call] as unknown as CallArguments<E>));
    },
    onSuccess: () => {
      key.current = crypto.randomUUID();
      void queryClient.invalidateQueries({ queryKey: ["case", caseId] });
      void queryClient.invalidateQueries({ queryKey: ["cases"] });
      void queryClient.invalidateQueries({ queryKey: ["care-plan", caseId] });
    },
  });
}

/** `optional` actions are left out, rather than listed, while a rule stops them. */
export type Action = {
  id: string;
  title: string;
  availability?: Availability;
  form: React.ReactNode;
  optional?: boolean;
};

/**
 * The actions on a case: a form for each one a rule allows today, and below them the ones a
 * rule stops, each with the rule and its reason, before anyone submits.
 */
export function ActionList({ actions }: { actions: Action[] }) {
  const open = actions.filter((a) => !a.availability || a.availability.allowed);
  const blocked = actions.filter((a) => a.availability && !a.availability.allowed && !a.optional);
  return (
    <>
      {open.map((a) => (
        <section key={a.id} className="panel action" aria-labelledby={`${a.id}-title`}>
          <h3 id={`${a.id}-title`}>{a.title}</h3>
          {a.form}
        </section>
      ))}
      {blocked.length > 0 && (
        <section className="panel" aria-labelledby="blocked-title">
          <h3 id="blocked-title">Not possible now</h3>
          <ul className="blocked-list">
            {blocked.map((a) => (
              <li key={a.id} data-rule={a.availability!.rule}>
                <strong>{a.title}</strong> — rule {a.availability!.rule}: {a.availability!.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Submit button, pending state and the server's answer for a command form; `recorded` says what was recorded. */
export function CommandFooter({
  label,
  mutation,
  recorded,
}: {
  label: string;
  mutation: { error: Error | null; isSuccess: boolean; isPending: boolean };
  recorded?: string;
}) {
  return (
    <>
      {mutation.error && <ProblemMessage error={mutation.error} />}
      {mutation.isSuccess && (
        <p role="status" className="alert ok">
          {recorded ?? "Recorded."}
        </p>
      )}
      <button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : label}
      </button>
    </>
  );
}

export const formValues = (event: React.FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return new FormData(event.currentTarget);
};
