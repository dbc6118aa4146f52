import { requirePageActor } from "@/lib/auth/page";
import { listRooms } from "@/lib/services/staff";
import { listStaffAccounts } from "@/lib/services/staff-accounts";
import { StaffAccounts } from "@/components/admin/staff-accounts";
import { AddRoom } from "@/components/admin/add-room";

export default async function AdminPage() {
  const actor = await requirePageActor("workspace.admin");
  const [staff, rooms] = await Promise.all([listStaffAccounts(), listRooms()]);
  return (
    <>
      <h1>Administration</h1>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff ({staff.filter((s) => s.active).length})</h2>
        <StaffAccounts accounts={staff} selfId={actor.id} />
      </section>
      <section className="panel" aria-labelledby="rooms-title">
        <h2 id="rooms-title">Rooms ({rooms.items.length})</h2>
        <AddRoom />
        {rooms.items.length === 0 ? (
          <p className="empty">No rooms yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Room</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {rooms.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
