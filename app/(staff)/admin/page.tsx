import { requirePageActor } from "@/lib/auth/page";
import { listRooms } from "@/lib/services/staff";
import { listStaffAccounts } from "@/lib/services/staff-accounts";
import { StaffAccounts } from "@/components/admin/staff-accounts";
import { AddRoom } from "@/components/admin/add-room";
import { DataTable } from "@/components/ui/data-table";
import { WaitingListCard } from "@/components/waiting-list/summary-card";

export default async function AdminPage() {
  const actor = await requirePageActor("workspace.admin");
  const [staff, rooms] = await Promise.all([listStaffAccounts(), listRooms()]);
  return (
    <>
      <h1>Administration</h1>
      <WaitingListCard />
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff ({staff.filter((s) => s.active).length})</h2>
        <StaffAccounts accounts={staff} selfId={actor.id} />
      </section>
      <section className="panel" aria-labelledby="rooms-title">
        <h2 id="rooms-title">Rooms ({rooms.items.length})</h2>
        <AddRoom />
        <DataTable
          rows={rooms.items}
          rowKey={(r) => r.id}
          empty="No rooms yet."
          columns={[
            { header: "Room", cell: (r) => r.name },
            { header: "Kind", cell: (r) => r.kind },
          ]}
        />
      </section>
    </>
  );
}
