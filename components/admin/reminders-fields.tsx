"use client";

import { useState } from "react";
import { reminderLimits, type Reminder } from "@/lib/domain/policies";

/** The form's names for each reminder's two fields, read back in order with FormData.getAll. */
export const reminderFieldNames = { daysBefore: "reminderDaysBefore", at: "reminderAt" } as const;

/** The reminders as the policies form reads them from its fields, in the order shown. */
export function remindersFrom(form: FormData): Reminder[] {
  const days = form.getAll(reminderFieldNames.daysBefore);
  const times = form.getAll(reminderFieldNames.at);
  return days.map((d, index) => ({ daysBefore: Number(d), at: String(times[index] ?? "") }));
}

/**
 * The reminders before each appointment: up to four rows of "days before" (0: on the day) and a
 * site time, each removable, with a button to add one. The server checks them (no repeats).
 */
export function RemindersFields({ reminders }: { reminders: Reminder[] }) {
  const [rows, setRows] = useState(() => reminders.map((reminder, key) => ({ key, reminder })));
  const [nextKey, setNextKey] = useState(reminders.length);
  return (
    <fieldset>
      <legend>Reminders before each appointment</legend>
      <p className="muted">
        Each reminder goes so many calendar days before the appointment&apos;s day (0: on the day) at a time of day at
        the clinic, to patients who agreed to email or text messages. At most {reminderLimits.count}.
      </p>
      {rows.length === 0 && <p className="empty">No reminders: patients get none.</p>}
      {rows.map(({ key, reminder }, index) => (
        <div className="row" key={key}>
          <div className="field">
            <label htmlFor={`reminder-days-${key}`}>Reminder {index + 1}: days before</label>
            <input
              id={`reminder-days-${key}`}
              name={reminderFieldNames.daysBefore}
              type="number"
              min={0}
              max={reminderLimits.daysBefore}
              defaultValue={reminder.daysBefore}
              required
              style={{ minWidth: "6rem" }}
            />
          </div>
          <div className="field">
            <label htmlFor={`reminder-at-${key}`}>Reminder {index + 1}: time</label>
            <input
              id={`reminder-at-${key}`}
              name={reminderFieldNames.at}
              type="time"
              defaultValue={reminder.at}
              required
            />
          </div>
          <div className="field">
            <button
              type="button"
              className="secondary"
              onClick={() => setRows((current) => current.filter((row) => row.key !== key))}
            >
              Remove reminder {index + 1}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={rows.length >= reminderLimits.count}
        onClick={() => {
          setRows((current) => [...current, { key: nextKey, reminder: { daysBefore: 1, at: "09:00" } }]);
          setNextKey((k) => k + 1);
        }}
      >
        Add a reminder
      </button>
    </fieldset>
  );
}
