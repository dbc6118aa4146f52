import { describeMessageState, formatShortDateTime } from "@/lib/domain/message-state";
import type { MessageView } from "@/lib/schemas/outbox";
import { DataTable } from "@/components/ui/data-table";
import { messageChannelLabel, messageKindLabel } from "./labels";

/** A message's text, folded: the subject (or the kind) opens it. */
export function MessageText({ message }: { message: MessageView }) {
  if (message.body === null) return <>{message.subject ?? messageKindLabel[message.kind]}</>;
  return (
    <details>
      <summary>{message.subject ?? messageKindLabel[message.kind]}</summary>
      <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: "0.5rem 0 0" }}>{message.body}</pre>
    </details>
  );
}

/**
 * Messages as a table: when it was written, (with `showPatient`) to whom, what, how and its state
 * in words, times on the site's wall clock (`timeZone`); the text opens from its subject.
 */
export function MessageTable({
  messages,
  timeZone,
  showPatient,
  empty,
}: {
  messages: readonly MessageView[];
  timeZone: string;
  showPatient: boolean;
  empty: string;
}) {
  return (
    <DataTable
      stacked
      rows={messages}
      rowKey={(m) => m.id}
      empty={empty}
      rowClassName={(m) => (m.status === "cancelled" ? "cancelled" : undefined)}
      columns={[
        { header: "Written", cell: (m) => formatShortDateTime(m.createdAt, timeZone) },
        ...(showPatient
          ? [{ header: "Patient", cell: (m: MessageView) => `${m.patient.name} (${m.patient.mrn})` }]
          : []),
        { header: "Message", cell: (m) => messageKindLabel[m.kind] },
        { header: "To", cell: (m) => `${messageChannelLabel[m.channel]}: ${m.to}` },
        { header: "State", cell: (m) => describeMessageState(m, timeZone) },
        { header: "Text", cell: (m) => <MessageText message={m} /> },
      ]}
    />
  );
}
