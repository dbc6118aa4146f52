import { requirePageActor } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";
import { listRooms, listStaff } from "@/lib/services/staff";
import { Calendar } from "@/components/appointments/Calendar";

export default async function CalendarPage() {
  const actor = await requirePageActor("appointment.read");
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  const [staff, rooms] = await Promise.all([listStaff(), listRooms()]);
  const clinicians = staff.items.filter((s) => s.role !== "reception" && s.role !== "admin");
  return (
    <>
      <h1>Calendar</h1>
      <Calendar timeZone={site.timeZone} today={dayOf(new Date(), site.timeZone)} staff={clinicians} rooms={rooms.items} />
    </>
  );
}
