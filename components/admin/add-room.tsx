"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api, type BodyOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { roomKinds } from "@/lib/domain/vocabulary";

type RoomInput = BodyOf<typeof endpoints.createRoom>;

export function AddRoom() {
  const router = useRouter();
  const add = useMutation({
    mutationFn: (body: RoomInput) => api(endpoints.createRoom, { body }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        add.mutate({ name: String(f.get("roomName")), kind: String(f.get("roomKind")) as RoomInput["kind"] });
        e.currentTarget.reset();
      }}
    >
      <div className="field">
        <label htmlFor="roomName">New room or theatre</label>
        <input id="roomName" name="roomName" required />
      </div>
      <div className="field">
        <label htmlFor="roomKind">Kind</label>
        <select id="roomKind" name="roomKind">
          {roomKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <button type="submit" disabled={add.isPending}>
          Add room
        </button>
      </div>
      {add.error && <ProblemMessage error={add.error} />}
      <p className="hint">Set its opening hours under Hours: a room without hours cannot be booked.</p>
    </form>
  );
}
