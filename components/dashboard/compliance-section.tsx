import type { ComplianceReport } from "@/lib/schemas/analytics-compliance";

/** OC-5: compliance per rule and waiting times per stage over the period. */
export function ComplianceSection({ report, linkCases }: { report: ComplianceReport; linkCases: boolean }) {
  void report;
  void linkCases;
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">Keeping to the protocol</h2>
    </section>
  );
}
