import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { Providers } from "@/components/providers";
import { SignOutButton } from "@/components/session/sign-out-button";
import { navigation, roleLabel } from "@/components/session/navigation";
import { FocusHeading } from "@/components/session/focus-heading";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="top">
        <span className="brand">Ankle pathway</span>
        <nav aria-label="Workspace">
          <ul>
            {navigation[actor.role].map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          <span>
            {actor.name} · {roleLabel[actor.role]}
          </span>
          <SignOutButton />
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Providers>{children}</Providers>
      </main>
      <FocusHeading />
    </>
  );
}
