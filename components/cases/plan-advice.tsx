import type { CarePlanView } from "@/lib/schemas/case";

/**
 * The plan's advice, the same on the printed plan and on the patient's own page: what to expect,
 * and when to call the clinic straight away (the leaflet's safety net). Its headings are `heading`
 * (h2 on the printed plan, h3 under the patient page's section); `idPrefix` keeps ids unique.
 */
export function PlanAdvice({
  plan,
  heading: Heading,
  idPrefix,
}: {
  plan: Pick<CarePlanView, "instructions" | "safetyNet" | "clinic">;
  heading: "h2" | "h3";
  idPrefix: string;
}) {
  return (
    <>
      <Heading>What to expect</Heading>
      <ul>
        {plan.instructions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <section aria-labelledby={`${idPrefix}-safety-title`} className="safety-net">
        <Heading id={`${idPrefix}-safety-title`}>When to call us straight away</Heading>
        <p>
          Call the clinic{plan.clinic.phone ? ` on ${plan.clinic.phone}` : ""} (or NHS 111 when the clinic is closed) if
          you have:
        </p>
        <ul>
          {plan.safetyNet.callClinic.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          <strong>{plan.safetyNet.emergency}</strong>
        </p>
      </section>
    </>
  );
}
