import { requirePageActor } from "@/lib/auth/page";
import { actorSite } from "@/lib/services/sites";
import { listRooms, listStaff } from "@/lib/services/staff";
import { Calendar } from "@/components/appointments/calendar";

export default async function CalendarPage() {
  const actor = await requirePageActor("appointment.read");
  const site = await actorSite(actor);
  const [staff, rooms] = await Promise.all([listStaff(), listRooms()]);
  const clinicians = staff.items.filter((s) => s.role !== "reception" && s.role !== "admin");
  return (
    <>
      <h1>Calendar</h1>
      <Calendar timeZone={site.timeZone} today={site.today} staff={clinicians} rooms={rooms.items} />
    </>
  );
}
