import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { workspaceOf } from "@/lib/auth/policy";
import { LoginForm } from "@/components/session/login-form";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await currentActor();
  const { password } = await searchParams;
  if (actor) redirect(workspaceOf[actor.role]);
  return (
    <main className="login">
      <section className="panel">
        <h1>Sign in</h1>
        <p className="muted">Posterior ankle impingement pathway, for clinic staff.</p>
        {password === "set" && (
          <p role="status" className="alert ok">
            Your password is set. Sign in with it.
          </p>
        )}
        <LoginForm />
      </section>
    </main>
  );
}
