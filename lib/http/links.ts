/**
 * The absolute address of one of the app's pages, for a link handed to someone outside a
 * session: the app's configured address (NEXTAUTH_URL), else the origin the request reached.
 */
export function appUrl(request: Request, path: string): string {
  return new URL(path, process.env.NEXTAUTH_URL ?? request.url).toString();
}

/**
 * As `appUrl`, for a server page, which has the request's headers but no Request: NEXTAUTH_URL,
 * else the origin the Host (and a proxy's X-Forwarded-Proto) name.
 */
export function appUrlFromHeaders(headers: Headers, path: string): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(path, configured).toString();
  const scheme = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return new URL(path, `${scheme}://${headers.get("host") ?? "localhost"}`).toString();
}
