// A real SMTP server in this process (the smtp-server package), for demo mode and the tests:
// it accepts every message for any recipient, without authentication, on 127.0.0.1 only, and
// hands each one over whole (RFC 5322 text). It is not a mail relay: nothing goes further.
import { SMTPServer } from "smtp-server";

/** A message the server accepted: the envelope's recipients and the raw message. */
export type ReceivedMail = { to: string[]; raw: Buffer };

export type MailServer = {
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  close(): Promise<void>;
};

/** Starts the server on `port` (0: any free port) and calls `onMail` for each message accepted. */
export function startMailServer(onMail: (mail: ReceivedMail) => void | Promise<void>, port = 0): Promise<MailServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        Promise.resolve(onMail({ to, raw: Buffer.concat(chunks) })).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.server.address() as { port: number };
      resolve({
        url: `smtp://127.0.0.1:${bound}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
