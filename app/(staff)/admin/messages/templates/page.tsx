import { requirePageActor } from "@/lib/auth/page";
import { messageKinds } from "@/lib/domain/vocabulary";
import { placeholderMeanings } from "@/lib/messages/placeholders";
import { messageTemplates, placeholdersOf, type Placeholder } from "@/lib/messages/templates";
import { messageKindLabel } from "@/components/messages/labels";

/** The placeholders a template's texts use, each once, in order of first use. */
const placeholdersIn = (...texts: string[]) => [...new Set(texts.flatMap(placeholdersOf))] as Placeholder[];

export default async function MessageTemplatesPage() {
  await requirePageActor("workspace.admin");
  return (
    <>
      <h1>Message templates</h1>
      <p className="muted">
        What the clinic writes to patients, by email and by text message, to those who agreed to be contacted that way.
        Words in braces, such as {"{when}"}, are filled in for each patient when the message is written; each template
        explains its own. These texts are set with the product and cannot be changed here.
      </p>
      {messageKinds.map((kind) => {
        const template = messageTemplates[kind];
        const placeholders = placeholdersIn(template.email.subject, template.email.body, template.sms);
        return (
          <section key={kind} className="panel" aria-labelledby={`template-${kind}`}>
            <h2 id={`template-${kind}`}>{messageKindLabel[kind]}</h2>
            <p>{template.purpose}</p>
            <h3>Email</h3>
            <p>
              <strong>Subject:</strong> {template.email.subject}
            </p>
            <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{template.email.body}</pre>
            <h3>Text message</h3>
            <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{template.sms}</pre>
            <h3>Filled in for each patient</h3>
            <dl>
              {placeholders.map((name) => (
                <div key={name}>
                  <dt>
                    <code>{`{${name}}`}</code>
                  </dt>
                  <dd>{placeholderMeanings[name] ?? "A value filled in when the message is written."}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
