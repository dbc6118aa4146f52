// The shape of a route handler on the patient's own page (/portal/{token}/...): no staff session;
// the link's token in the path is the patient's authority, which the service checks (openPortal).
// Rate-limited first, then the same edge rules as the API: another site's page may not post
// (403), JSON in (415 otherwise) or, where the route reads the page's plain HTML form, a form.
import type { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { isPortalTokenShaped } from "@/lib/services/portal/access";
import { EdgeError, payloadTooLarge, unsupportedMediaType } from "./errors";
import { json, maxBodyBytes, readJson } from "./handler";
import { observed } from "./observed";
import { requireOwnOrigin } from "./own-origin";
import { limitPortalRequest } from "./portal-limit";
import { errorToResponse, httpStatusOf, zodToValidationError } from "./problem";

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

export type PortalRoute<S extends z.ZodType> = {
  /** The route's template, for the log line and metrics (never the token): "/portal/{token}/pain-scores". */
  path: string;
  body: S;
  /** The success status of a JSON request. */
  status: number;
  /**
   * Reads the page's plain HTML form (application/x-www-form-urlencoded, used before the page's
   * script runs or without it) as the body; absent: JSON only. A form's success is a 303 back to
   * the page at `#<formAnchor>`, its refusal a short HTML page with the reason and a way back.
   */
  fromForm?: (form: URLSearchParams) => unknown;
  formAnchor?: string;
};

const mediaTypeOf = (request: Request) => request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();

async function readForm(request: Request): Promise<URLSearchParams> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
  return new URLSearchParams(text);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A refused form post as a small page a phone shows: the reason, and the way back to the page. */
function formRefusal(error: unknown, token: string, where: string): Response {
  const known = error instanceof DomainError || error instanceof EdgeError;
  if (!known) return errorToResponse(error, where);
  const fields = (error.extra.errors as { message: string }[] | undefined)?.map((e) => e.message) ?? [];
  const back = isPortalTokenShaped(token) ? `<p><a href="/portal/${token}">Back to your page</a></p>` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved</title></head><body><main><h1>Not saved</h1><p role="alert">${escapeHtml(error.message)}</p>${fields.length ? `<ul>${fields.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>` : ""}${back}</main></body></html>`;
  return new Response(html, {
    status: httpStatusOf(error),
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

/**
 * A POST handler of the patient's page: counts the request against the page's rate limits (429
 * with Retry-After), refuses another origin's post (403 FORBIDDEN) and a body that is neither JSON
 * nor, where `route.fromForm` is given, the page's form (415), parses it with `route.body` (400
 * with field paths), runs `run` with the token and the body, and answers `route.status` with its
 * JSON, or problem+json for any error (a form: see `PortalRoute.fromForm`). Logged and counted as
 * the route's template, without the token.
 */
export function handlePortalPost<S extends z.ZodType>(
  route: PortalRoute<S>,
  run: (context: { token: string; body: z.infer<S>; request: Request }) => Promise<unknown>,
) {
  const where = `POST ${route.path}`;
  const answer = async (request: Request, routeContext?: RouteContext): Promise<Response> => {
    const raw = (await routeContext?.params)?.token;
    const token = typeof raw === "string" ? raw : "";
    const limited = await limitPortalRequest(request, token);
    if (limited) return limited;
    const isForm = route.fromForm !== undefined && mediaTypeOf(request) === "application/x-www-form-urlencoded";
    try {
      requireOwnOrigin(request);
      let value: unknown;
      if (isForm) value = route.fromForm!(await readForm(request));
      else if (mediaTypeOf(request) === "application/json") value = (await readJson(request)).value;
      else throw unsupportedMediaType();
      const parsed = route.body.safeParse(value);
      if (!parsed.success) throw zodToValidationError(parsed.error);
      const result = await run({ token, body: parsed.data, request });
      if (isForm)
        return new Response(null, {
          status: 303,
          headers: { location: `/portal/${token}${route.formAnchor ? `#${route.formAnchor}` : ""}` },
        });
      return json(result, route.status);
    } catch (error) {
      return isForm ? formRefusal(error, token, where) : errorToResponse(error, where);
    }
  };
  return (request: Request, routeContext?: RouteContext) =>
    observed({ method: "post", path: route.path }, request, () => answer(request, routeContext));
}

/** A form's field as the schema reads it: absent or empty is absent. */
export const formField = (form: URLSearchParams, name: string): string | undefined => form.get(name) || undefined;

/** A form's whole-number field: its number when it is digits only, else the text (refused by the schema). */
export function formNumber(form: URLSearchParams, name: string): number | string | undefined {
  const value = formField(form, name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}
