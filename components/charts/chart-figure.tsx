import type { ReactNode } from "react";
import styles from "./chart-figure.module.css";

export type ChartTable = { caption: string; columns: string[]; rows: ReactNode[][] };

/**
 * A chart drawn on the server (`svg`, from `renderChartSvg`) with its table equivalent: the
 * picture is one image to assistive technology, described by `summary`; the table below it
 * holds every figure the chart shows, for screen readers, for copying, and for print.
 */
export function ChartFigure({
  title,
  summary,
  svg,
  table,
  actions,
}: {
  title: string;
  summary: string;
  svg: string;
  table: ChartTable;
  actions?: ReactNode;
}) {
  return (
    <figure className={styles.figure}>
      <figcaption>
        <h3>{title}</h3>
        <p className="muted">{summary}</p>
      </figcaption>
      <div className={styles.chart} role="img" aria-label={summary} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className={styles.tableWrap}>
        {/* Focusable: on a phone the table scrolls sideways, and a keyboard must reach it to. */}
        <table tabIndex={0}>
          <caption className={styles.caption}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </figure>
  );
}
