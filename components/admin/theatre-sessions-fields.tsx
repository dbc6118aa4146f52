import type { ClinicPolicies } from "@/lib/domain/policies";

type Sessions = ClinicPolicies["theatreSessions"];

const halves: { key: keyof Sessions; label: string }[] = [
  { key: "morning", label: "Morning" },
  { key: "afternoon", label: "Afternoon" },
];

/**
 * The theatre's two half-day sessions, start and end in site time (WL-5); the server checks that
 * each ends after it starts and that the morning ends no later than the afternoon starts.
 */
export function TheatreSessionsFields({ sessions }: { sessions: Sessions }) {
  return (
    <fieldset className="field">
      <legend>
        Theatre sessions, site time <span className="muted">(WL-5)</span>
      </legend>
      {halves.map(({ key, label }) => (
        <div className="row" key={key}>
          {(["start", "end"] as const).map((edge) => (
            <div className="field" key={edge}>
              <label htmlFor={`${key}-${edge}`}>
                {label} session {edge === "start" ? "starts" : "ends"}
              </label>
              <input
                id={`${key}-${edge}`}
                name={`${key}-${edge}`}
                type="time"
                step={60}
                defaultValue={sessions[key][edge]}
                required
                style={{ minWidth: "8rem" }}
              />
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
