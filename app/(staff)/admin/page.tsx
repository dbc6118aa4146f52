import { requirePageActor } from "@/lib/auth/page";
import { listRooms, listStaff } from "@/lib/services/staff";
import { roleLabel } from "@/components/session/navigation";
import { AddRoom } from "@/components/admin/AddRoom";

export default async function AdminPage() {
  await requirePageActor("workspace.admin");
  const [staff, rooms] = await Promise.all([listStaff(), listRooms()]);
  return (
    <>
      <h1>Administration</h1>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff ({staff.items.length})</h2>
        {staff.items.length === 0 ? (
          <p className="empty">No staff accounts yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {staff.items.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{roleLabel[s.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
