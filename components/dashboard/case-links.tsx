import Link from "next/link";

/** At most this many case links per figure: enough to follow up, never a page of thousands. */
const linksShown = 50;

/**
 * The cases behind a dashboard figure, as links to their records ("Case 1", ...): never a name,
 * so the dashboard can be shown on a screen in a meeting. `total` counts them all when `ids`
 * holds only the first ones.
 */
export function CaseLinks({
  ids,
  total = ids?.length ?? 0,
  what,
}: {
  ids: string[] | undefined;
  total?: number;
  what: string;
}) {
  if (!ids || total === 0) return <>none</>;
  const shown = ids.slice(0, linksShown);
  return (
    <details>
      <summary>
        {total} case{total === 1 ? "" : "s"}
        <span className="visually-hidden"> {what}</span>
      </summary>
      <ul>
        {shown.map((id, i) => (
          <li key={id}>
            <Link href={`/cases/${id}`}>Case {i + 1}</Link>
          </li>
        ))}
      </ul>
      {total > shown.length && <p className="muted">and {total - shown.length} more</p>}
    </details>
  );
}
