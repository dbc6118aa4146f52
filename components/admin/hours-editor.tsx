"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { WeeklyHoursInput } from "@/lib/schemas/hours";
import { ProblemMessage } from "@/components/ui/problem-message";
import { LeaveEditor } from "./leave-editor";

type Option = { id: string; name: string };
const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Weekly hours in site time for a staff member or a room, and a staff member's leave and other dated hours. */
export function HoursEditor({ staff, rooms }: { staff: Option[]; rooms: Option[] }) {
  const [target, setTarget] = useState("");
  const [type, id] = target.split(":") as ["staff" | "rooms", string];
  return (
    <>
      <section className="panel">
        <div className="field">
          <label htmlFor="hours-target">Hours of</label>
          <select id="hours-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose…</option>
            <optgroup label="Staff">
              {staff.map((s) => (
                <option key={s.id} value={`staff:${s.id}`}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Rooms and theatres">
              {rooms.map((r) => (
                <option key={r.id} value={`rooms:${r.id}`}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      </section>
      {target && <WeeklyHours key={target} owner={type} id={id} />}
    </>
  );
}

/** A staff member's (with dated exceptions) or a room's hours. */
function WeeklyHours({ owner, id }: { owner: "staff" | "rooms"; id: string }) {
  const queryClient = useQueryClient();
  const key = ["hours", owner, id];
  const withExceptions = owner === "staff";
  const hours = useQuery({
    queryKey: key,
    queryFn: () => api(withExceptions ? endpoints.getStaffHours : endpoints.getRoomHours, { params: { id } }),
  });
  const save = useMutation({
    mutationFn: (weekly: WeeklyHoursInput["weekly"]) =>
      api(withExceptions ? endpoints.setStaffHours : endpoints.setRoomHours, { params: { id }, body: { weekly } }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  if (hours.isPending) return <p className="muted">Loading…</p>;
  if (hours.error) return <ProblemMessage error={hours.error} />;
  const byDay = new Map(hours.data.weekly.map((w) => [w.weekday, w]));

  return (
    <>
      <section className="panel">
        <h2>Weekly hours (site time)</h2>
        <form
          key={JSON.stringify(hours.data.weekly)}
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const weekly = weekdays.flatMap((_, i) =>
              f.get(`works-${i + 1}`) === "on"
                ? [{ weekday: i + 1, startsAt: String(f.get(`from-${i + 1}`)), endsAt: String(f.get(`to-${i + 1}`)) }]
                : [],
            );
            save.mutate(weekly);
          }}
        >
          <table>
            <tbody>
              {weekdays.map((name, i) => {
                const w = byDay.get(i + 1);
                return (
                  <tr key={name}>
                    <th scope="row">
                      <label className="inline">
                        <input type="checkbox" name={`works-${i + 1}`} defaultChecked={Boolean(w)} /> {name}
                      </label>
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={`from-${i + 1}`}>
                        {name} from
                      </label>
                      <input
                        id={`from-${i + 1}`}
                        name={`from-${i + 1}`}
                        type="time"
                        defaultValue={w?.startsAt ?? "08:00"}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`to-${i + 1}`}>
                        {name} to
                      </label>
                      <input id={`to-${i + 1}`} name={`to-${i + 1}`} type="time" defaultValue={w?.endsAt ?? "18:00"} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {save.error && <ProblemMessage error={save.error} />}
          {save.isSuccess && (
            <p role="status" className="alert ok">
              Hours saved.
            </p>
          )}
          <button type="submit" disabled={save.isPending}>
            Save weekly hours
          </button>
        </form>
      </section>
      {withExceptions && <LeaveEditor staffId={id} exceptions={hours.data.exceptions} />}
    </>
  );
}
