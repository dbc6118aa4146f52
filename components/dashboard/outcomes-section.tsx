import type { OutcomesReport } from "@/lib/schemas/analytics-outcomes";

/** OC-1..OC-4 for the patients operated in the period. */
export function OutcomesSection({ report, linkCases }: { report: OutcomesReport; linkCases: boolean }) {
  void report;
  void linkCases;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">Outcomes of the operation</h2>
    </section>
  );
}
