// The session cookie's name and flags, shared by next-auth's options and the proxy.
export const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;
