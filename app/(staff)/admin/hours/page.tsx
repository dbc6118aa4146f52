import { requirePageActor } from "@/lib/auth/page";
import { listRooms, listStaff } from "@/lib/services/staff";
import { HoursEditor } from "@/components/admin/hours-editor";

export default async function HoursPage() {
  await requirePageActor("staff.manage");
  const [staff, rooms] = await Promise.all([listStaff(), listRooms()]);
  return (
    <>
      <h1>Working and opening hours</h1>
      <HoursEditor staff={staff.items} rooms={rooms.items} />
    </>
  );
}
