import type { ReactNode } from "react";

/** One column: its header (text, or a visually hidden label for a column of buttons) and its cell. */
type Column<Row> = { header: ReactNode; cell: (row: Row) => ReactNode };

/**
 * The clinic's list table: a header row of column headers (`scope="col"`, so screen readers
 * announce them with each cell) and one row per item. With `empty`, no rows show that sentence
 * (`<p class="empty">`) instead of an empty table. With `stacked`, each row becomes a card of
 * labelled cells on a phone (the style sheet uses `data-label`), so no column is off screen.
 * No "use client": server pages use it too.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  rowClassName,
  caption,
  empty,
  stacked,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** e.g. "cancelled" or "inactive", which the style sheet greys out. */
  rowClassName?: (row: Row) => string | undefined;
  caption?: ReactNode;
  empty?: ReactNode;
  stacked?: boolean;
}) {
  if (empty !== undefined && rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className={stacked ? "stacked" : undefined}>
      {caption !== undefined && (
        <caption className="muted" style={{ textAlign: "left" }}>
          {caption}
        </caption>
      )}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column, index) => (
              <td key={index} data-label={typeof column.header === "string" ? column.header : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
