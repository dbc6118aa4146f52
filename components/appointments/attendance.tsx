"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatTime } from "@/lib/domain/date-format";
import { dayOf } from "@/lib/domain/time";
import type { Attendance as AttendanceValue } from "@/lib/domain/vocabulary";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { ProblemMessage } from "@/components/ui/problem-message";

export const attendanceLabel: Record<AttendanceValue, string> = {
  arrived: "Arrived",
  attended: "Attended",
  did_not_attend: "Did not attend",
};

/** Whether the patient came, with who marked or recorded it and when (site time). */
export function AttendanceLabel({ appointment, timeZone }: { appointment: AppointmentView; timeZone: string }) {
  const { attendance, attendanceRecord } = appointment;
  if (!attendance) return null;
  return (
    <div className="attendance" data-attendance={attendance}>
      <strong>{attendanceLabel[attendance]}</strong>
      {attendanceRecord && (
        <span className="muted">
          {" "}
          {formatTime(attendanceRecord.at, timeZone)}, {attendanceRecord.by}
        </span>
      )}
    </div>
  );
}

/** Whether attendance can be marked on the appointment today: live, its day come (site time), its visit not recorded. */
export function attendanceOpen(appointment: AppointmentView, today: string, timeZone: string): boolean {
  return (
    appointment.status === "booked" &&
    appointment.attendance !== "attended" &&
    dayOf(new Date(appointment.start), timeZone) <= today
  );
}

/**
 * Reception's buttons: "Arrived", and "Did not attend" after a confirmation (it raises an alert
 * for a dressing or physiotherapy session). Either corrects the other. Confirms the mark on screen.
 */
export function AttendanceButtons({ appointment }: { appointment: AppointmentView }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mark = useMutation({
    mutationFn: (outcome: "arrived" | "did_not_attend") =>
      api(endpoints.markAttendance, {
        params: { id: appointment.id },
        body: { outcome },
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: () => {
      setConfirming(false);
      for (const key of ["appointments", "case", "calendar", "recovery-board"])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const { attendance } = appointment;
  return (
    <div className="row tight" role="group" aria-label="Attendance">
      {confirming ? (
        <>
          <span>The patient did not come?</span>
          <button type="button" disabled={mark.isPending} onClick={() => mark.mutate("did_not_attend")}>
            Yes, did not attend
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Back
          </button>
        </>
      ) : (
        <>
          {attendance !== "arrived" && (
            <button type="button" disabled={mark.isPending} onClick={() => mark.mutate("arrived")}>
              Arrived
            </button>
          )}
          {attendance !== "did_not_attend" && (
            <button type="button" className="secondary" disabled={mark.isPending} onClick={() => setConfirming(true)}>
              Did not attend…
            </button>
          )}
        </>
      )}
      {mark.isSuccess && (
        <p role="status" className="alert ok">
          Marked: {attendanceLabel[mark.data.attendance ?? mark.variables]}.
        </p>
      )}
      {mark.error && <ProblemMessage error={mark.error} />}
    </div>
  );
}
