import { formatDateTime } from "@/lib/domain/date-format";
import type { CaseDetail } from "@/lib/schemas/case";

type Acknowledgement = NonNullable<CaseDetail["clinical"]>["acknowledgements"][number];

/** The recovery alerts acknowledged on the case, oldest first: who, when, the note and which alerts. */
export function AcknowledgementHistory({
  acknowledgements,
  timeZone,
}: {
  acknowledgements: Acknowledgement[];
  timeZone: string;
}) {
  return (
    <section className="panel" aria-labelledby="acknowledgements-title">
      <h2 id="acknowledgements-title">Alerts acknowledged</h2>
      {acknowledgements.length === 0 ? (
        <p className="empty">No alert has been acknowledged.</p>
      ) : (
        <ol className="timeline">
          {acknowledgements.map((a) => (
            <li key={a.id}>
              <strong>{formatDateTime(a.at, timeZone)}</strong> — {a.by}: {a.note}
              <ul className="compact">
                {a.alerts.map((alert) => (
                  <li key={alert.key}>{alert.message}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
