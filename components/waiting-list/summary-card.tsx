import Link from "next/link";
import { WaitingListSummary } from "./summary";

/** The dashboards' card: the waiting list's figures and the way to the list itself. */
export function WaitingListCard() {
  return (
    <section className="panel" aria-labelledby="waiting-list-card-title">
      <h2 id="waiting-list-card-title">Surgical waiting list</h2>
      <WaitingListSummary />
      <p>
        <Link href="/waiting-list">Open the waiting list</Link>
      </p>
    </section>
  );
}
