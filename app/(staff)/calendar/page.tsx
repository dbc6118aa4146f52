import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { listRooms, listStaff } from "@/lib/services/staff";
import { roomHours, staffHours } from "@/lib/services/hours";
import { Calendar, type Hours } from "@/components/appointments/calendar";

// Working and opening hours make the grid's free blocks. Leave reasons stay on the server: the
// grid only needs when someone is off, not why.
const withoutReasons = (h: Awaited<ReturnType<typeof staffHours>>): Hours => ({
  weekly: h.weekly,
  exceptions: h.exceptions.map(({ onDate, startsAt, endsAt }) => ({ onDate, startsAt, endsAt })),
});

export default async function CalendarPage() {
  const actor = await requirePageActor("appointment.read");
  const site = await actorSite(actor);
  const [staff, rooms] = await Promise.all([listStaff(), listRooms()]);
  const clinicians = staff.items.filter((s) => s.role !== "reception" && s.role !== "admin");
  const [staffRows, roomRows] = await Promise.all([
    Promise.all(clinicians.map(async (s) => [s.id, withoutReasons(await staffHours(s.id))] as const)),
    Promise.all(rooms.items.map(async (r) => [r.id, withoutReasons(await roomHours(r.id))] as const)),
  ]);
  return (
    <>
      <h1>Calendar</h1>
      <Calendar
        timeZone={site.timeZone}
        today={site.today}
        staff={clinicians}
        rooms={rooms.items}
        hours={Object.fromEntries([...staffRows, ...roomRows])}
      />
    </>
  );
}
