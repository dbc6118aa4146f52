import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page";
import { formatDateTime, formatTime } from "@/lib/domain/date-format";
import { candidateQuery } from "@/lib/schemas/theatre-candidates";
import { listRooms } from "@/lib/services/staff";
import { actorSite } from "@/lib/services/sites";
import { TheatreOffer } from "@/components/theatre/theatre-offer";

type Search = Record<string, string | string[] | undefined>;

/**
 * Freed theatre time offered to the waiting list (WL-4): the time in words, then the patients who
 * could take it. Reached from a cancelled arthroscopy's confirmation and from a theatre list's gaps.
 */
export default async function TheatreOfferPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("theatre.offer");
  const site = await actorSite(actor);
  const parsed = candidateQuery.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <>
        <h1>Offer theatre time to the waiting list</h1>
        <p className="empty">
          This link does not say which theatre time is free. Open it from a cancelled arthroscopy or from a free gap on
          a theatre list. <Link href="/calendar">Open the calendar</Link>
        </p>
      </>
    );
  }
  const { roomId, start, end } = parsed.data;
  const room = (await listRooms("theatre")).items.find((r) => r.id === roomId);
  return (
    <>
      <h1>Offer theatre time to the waiting list</h1>
      <p>
        <strong>
          {room?.name ?? "A theatre"} is free on {formatDateTime(start, site.timeZone)}–{formatTime(end, site.timeZone)}
        </strong>{" "}
        (site time). Below are the patients on the waiting list who could take it as booked, most urgent first: an
        anaesthesia assessment valid on that day, a day case only with help at home, and their surgeon, an anaesthetist
        and the patient free then.
      </p>
      <TheatreOffer roomId={roomId} start={start} end={end} timeZone={site.timeZone} />
    </>
  );
}
