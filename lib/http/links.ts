/**
 * The absolute address of one of the app's pages, for a link handed to someone outside a
 * session: the app's configured address (NEXTAUTH_URL), else the origin the request reached.
 */
export function appUrl(request: Request, path: string): string {
  return new URL(path, process.env.NEXTAUTH_URL ?? request.url).toString();
}
