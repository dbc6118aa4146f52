// The SMS webhook adapter against a real HTTP server on this machine: what it sends, and that a
// refusal or silence is a failure whose reason carries no secret.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransports, transportProblems, transportSettings } from "@/lib/messages/transports";

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; body: string };

let server: Server;
let base: string;
const seen: Seen[] = [];
/** The status the server answers next. */
let answer = 202;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      response.writeHead(answer, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "echo of the secret-token and the text" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const token = "secret-token-4b1d";
const webhook = (path = "/sms?key=query-secret") =>
  createTransports(
    transportSettings({ SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: `${base}${path}`, SMS_WEBHOOK_TOKEN: token }),
  );
const message = { to: "07700 900123", text: "Riverside: your consultation is booked for Thu 3 Dec 2026, 10:30." };

describe("the SMS webhook adapter (SMS_PROVIDER=webhook)", () => {
  it("posts the number and the text as JSON with the bearer token, and a 2xx answer hands the message over", async () => {
    answer = 202;
    seen.length = 0;
    await expect(webhook().sms(message)).resolves.toEqual({ via: "webhook" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/sms?key=query-secret" });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen[0]!.body)).toEqual(message);
  });

  it("counts a non-2xx answer as a failure whose reason names the status and no secret", async () => {
    answer = 503;
    const failure = await webhook()
      .sms(message)
      .then(
        () => null,
        (error: Error) => error.message,
      );
    expect(failure).toMatch(/503/);
    for (const secret of [token, "query-secret", "/sms", message.to, message.text, "echo"])
      expect(failure).not.toContain(secret);
  });

  it("counts an endpoint that cannot be reached as a failure with a reason", async () => {
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const closed = createTransports({ smsProvider: "webhook", smsWebhookUrl: `http://127.0.0.1:${port}/sms` });
    await expect(closed.sms(message)).rejects.toThrow(/could not be reached: ECONNREFUSED/);
  });

  it("says what to set when the provider is unknown, the URL is missing, or the token would travel in the clear", () => {
    expect(transportProblems({ smsProvider: "carrier-pigeon" })[0]).toMatch(
      /SMS_PROVIDER "carrier-pigeon" is not known/,
    );
    expect(transportProblems({ smsProvider: "webhook" })).toEqual([
      "SMS_PROVIDER is webhook but SMS_WEBHOOK_URL is not set.",
    ]);
    expect(transportProblems({ smsProvider: "webhook", smsWebhookUrl: "http://sms.example.net/send" })).toEqual([
      "SMS_WEBHOOK_URL must be https (plain http only to this machine).",
    ]);
    expect(transportProblems({ smsProvider: "webhook", smsWebhookUrl: "https://sms.example.net/send" })).toEqual([]);
    expect(() => createTransports({ smsProvider: "webhook" })).toThrow(/SMS_WEBHOOK_URL is not set/);
  });

  it("records text messages only when no provider is set (the default)", async () => {
    seen.length = 0;
    await expect(createTransports(transportSettings({})).sms(message)).resolves.toEqual({ via: "recorded" });
    expect(seen).toHaveLength(0);
  });
});
