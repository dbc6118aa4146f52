// The hours a staff member or a room is available on a day, from the database, for SC-2.
import type { Tx } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { windowsOn, type Interval } from "@/lib/domain/scheduling";
import type { Day } from "@/lib/domain/time";

const clock = (time: Date) => time.toISOString().slice(11, 16);

export async function staffWindows(tx: Tx, staffId: string, day: Day, timeZone: string): Promise<Interval[]> {
  const weekly = await tx.workingHours.findMany({ where: { staffId } });
  const exception = await tx.workingHoursException.findUnique({
    where: { staffId_onDate: { staffId, onDate: dateColumn(day) } },
  });
  return windowsOn(
    day,
    weekly.map((w) => ({ weekday: w.weekday, startsAt: clock(w.startsAt), endsAt: clock(w.endsAt) })),
    timeZone,
    exception && {
      onDate: day,
      startsAt: exception.startsAt && clock(exception.startsAt),
      endsAt: exception.endsAt && clock(exception.endsAt),
    },
  );
}

export async function roomWindows(tx: Tx, roomId: string, day: Day, timeZone: string): Promise<Interval[]> {
  const weekly = await tx.roomHours.findMany({ where: { roomId } });
  return windowsOn(
    day,
    weekly.map((w) => ({ weekday: w.weekday, startsAt: clock(w.startsAt), endsAt: clock(w.endsAt) })),
    timeZone,
  );
}
