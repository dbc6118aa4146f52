import { requirePageActor } from "@/lib/auth/page";
import { isAllowed } from "@/lib/auth/policy";
import { formatDay } from "@/lib/domain/date-format";
import { periodQuery, resolvePeriod } from "@/lib/schemas/analytics";
import { complianceReport } from "@/lib/services/analytics-compliance";
import { outcomesReport } from "@/lib/services/analytics-outcomes";
import { actorSite } from "@/lib/services/sites";
import { ComplianceSection } from "@/components/dashboard/compliance-section";
import { OutcomesSection } from "@/components/dashboard/outcomes-section";

export const dynamic = "force-dynamic";

/**
 * The pathway dashboard (surgeon, admin): how well the clinic keeps its protocol (OC-5) and how
 * its operated patients do (OC-1..OC-4), over a period kept in the address (`?from=&to=`, the
 * twelve months to today by default). Figures only; the cases behind them are linked for roles
 * that read the clinical record.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePageActor("analytics.read");
  const site = await actorSite(actor);
  const asked = await searchParams;
  const parsed = periodQuery.safeParse({ from: asked.from || undefined, to: asked.to || undefined });
  const period = resolvePeriod(parsed.success ? parsed.data : {}, site.today);
  const [compliance, outcomes] = await Promise.all([complianceReport(actor, period), outcomesReport(actor, period)]);
  const linkCases = isAllowed(actor.role, "case.readClinical");
  return (
    <>
      <h1>Pathway dashboard</h1>
      <form className="row" method="get" action="/dashboard">
        <div className="field">
          <label htmlFor="period-from">From</label>
          <input id="period-from" name="from" type="date" defaultValue={period.from} required />
        </div>
        <div className="field">
          <label htmlFor="period-to">To</label>
          <input id="period-to" name="to" type="date" defaultValue={period.to} required />
        </div>
        <button type="submit">Show this period</button>
      </form>
      {!parsed.success && (
        <p role="alert" className="alert warn">
          That period could not be read (the end must be on or after the start); showing the twelve months to today.
        </p>
      )}
      <p className="muted">
        From {formatDay(period.from)} to {formatDay(period.to)}, both days included.
      </p>
      <ComplianceSection report={compliance} linkCases={linkCases} />
      <OutcomesSection report={outcomes} linkCases={linkCases} />
    </>
  );
}
