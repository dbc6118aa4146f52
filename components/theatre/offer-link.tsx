import Link from "next/link";
import type { AppointmentView } from "@/lib/schemas/appointment";

/** The offer page for a theatre's free time (WL-4): `/theatre-lists/offer?roomId=&start=&end=`. */
export const offerHref = (roomId: string, start: string, end: string) =>
  `/theatre-lists/offer?${new URLSearchParams({ roomId, start, end })}`;

/** After an arthroscopy is cancelled: a link offering its freed theatre time to the waiting list. */
export function OfferFreedTime({ appointment: a }: { appointment: AppointmentView }) {
  // A past time cannot be booked any more: nothing to offer.
  if (a.kind !== "arthroscopy" || a.status !== "cancelled" || !a.room || new Date(a.start) <= new Date()) return null;
  return (
    <>
      {" "}
      <Link href={offerHref(a.room.id, a.start, a.end)}>Offer this time to the waiting list</Link>
    </>
  );
}
