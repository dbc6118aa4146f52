import { requirePageActor } from "@/lib/auth/page";
import { isAllowed } from "@/lib/auth/policy";
import { formatDay } from "@/lib/domain/date-format";
import { isCalendarDate } from "@/lib/schemas/common";
import { actorSite } from "@/lib/services/sites";
import { theatreLists } from "@/lib/services/theatre-lists";
import { PrintButton } from "@/components/ui/print-button";
import { TheatreSession } from "@/components/theatre/theatre-session";

/**
 * A day's theatre lists (WL-5): every theatre's morning and afternoon session, the day kept in
 * the address (`?date=YYYY-MM-DD`, today at the site by default) so a list can be shared and
 * reloaded. Printing gives one page per session, without the navigation.
 */
export default async function TheatreListsPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const actor = await requirePageActor("theatreList.read");
  const site = await actorSite(actor);
  const { date: asked } = await searchParams;
  const unreadable = typeof asked === "string" && asked !== "" && !isCalendarDate(asked);
  const date = asked && !unreadable ? asked : site.today;
  const lists = await theatreLists(actor, date);
  const canReorder = isAllowed(actor.role, "theatreList.reorder");
  return (
    <>
      <h1>Theatre lists, {formatDay(date)}</h1>
      <form className="row no-print" method="get" action="/theatre-lists">
        <div className="field">
          <label htmlFor="theatre-date">Day</label>
          <input id="theatre-date" name="date" type="date" defaultValue={date} required />
        </div>
        <button type="submit">Show this day</button>
        <PrintButton label="Print" />
      </form>
      {unreadable && (
        <p role="alert" className="alert error no-print">
          &quot;{asked}&quot; is not a date: showing today&apos;s lists instead.
        </p>
      )}
      {lists.sessions.length === 0 ? (
        <p className="empty">This site has no theatre in use.</p>
      ) : (
        lists.sessions.map((session) => (
          <TheatreSession
            key={`${session.theatre.id}-${session.session}-${session.version}`}
            initial={session}
            date={date}
            timeZone={lists.timeZone}
            canReorder={canReorder}
          />
        ))
      )}
    </>
  );
}
