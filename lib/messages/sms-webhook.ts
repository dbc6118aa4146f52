// A real SMS adapter, one configuration away (SMS_PROVIDER=webhook): each text message is POSTed
// as JSON to the provider's HTTPS endpoint (SMS_WEBHOOK_URL) with a bearer token
// (SMS_WEBHOOK_TOKEN). Any SMS gateway that takes `{to, text}` (or a small relay in front of one)
// fits. A failure's reason names the endpoint's host and the answer's status only: never the
// token, the URL's path or query (which may carry a key), nor the message.

/** The webhook's settings. */
export type SmsWebhookSettings = { url: string; token?: string };

/** How long one hand-over may take before it counts as failed (the queue retries it). */
const timeoutMs = 15_000;

const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks `settings` and answers the URL to post to. Throws an Error saying what to set when the
 * URL is missing or not https (plain http only to this machine, as the token travels in a header).
 */
export function checkSmsWebhook(settings: Partial<SmsWebhookSettings>): URL {
  if (!settings.url) throw new Error("SMS_PROVIDER is webhook but SMS_WEBHOOK_URL is not set.");
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    throw new Error("SMS_WEBHOOK_URL is not a URL.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && localHosts.has(url.hostname)))
    throw new Error("SMS_WEBHOOK_URL must be https (plain http only to this machine).");
  return url;
}

/**
 * The webhook adapter's `sms` function: POST `{to, text}` as JSON, with `Authorization: Bearer
 * <token>` when a token is set. A 2xx answer is a hand-over ({via: "webhook"}); anything else, a
 * network error or no answer within 15 s throws an Error whose message is the reason kept in the
 * outbox.
 */
export function smsWebhook(settings: SmsWebhookSettings): (message: { to: string; text: string }) => Promise<{
  via: string;
}> {
  const url = checkSmsWebhook(settings);
  const where = `The SMS provider (${url.host})`;
  return async ({ to, text }) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message?.split("\n")[0]?.slice(0, 100);
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new Error(
        `${where} could not be reached: ${timedOut ? `no answer within ${timeoutMs / 1000} s` : (why ?? "network error")}.`,
      );
    }
    // The body is read and dropped: it may echo the message, which the outbox already holds.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`${where} refused the message: HTTP ${response.status}.`);
    return { via: "webhook" };
  };
}
