import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { idleLimitMs } from "./lifetime";
import { secureCookies } from "./cookies";
import { decodeSession, encodeSession } from "./session-token";
import { endSession, signIn } from "@/lib/services/sign-in";
import { lockedOut } from "@/lib/schemas/staff";
import { logger } from "@/lib/observability/log";

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: idleLimitMs / 1000 },
  jwt: { maxAge: idleLimitMs / 1000, encode: encodeSession, decode: decodeSession },
  useSecureCookies: secureCookies,
  pages: { signIn: "/login" },
  // next-auth's own messages go to the JSON log as their code only: its default writes the
  // error's text and stack to stderr, unstructured, for any request with a malformed cookie.
  logger: {
    error: (code) => logger().warn({ authCode: code }, "next-auth error"),
    warn: (code) => logger().info({ authCode: code }, "next-auth warning"),
    debug: () => undefined,
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signIn(parsed.data.email, parsed.data.password);
        if (result.outcome === "locked") throw new Error(lockedOut);
        if (result.outcome === "refused") return null;
        return { id: result.staff.id, name: result.staff.name, role: result.staff.role, sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (typeof token?.sessionId === "string") await endSession(token.sessionId);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const now = Date.now();
        token.staffId = user.id;
        token.role = (user as { role?: string }).role;
        token.sessionId = (user as { sessionId?: string }).sessionId;
        token.signedInAt = now;
        token.lastSeenAt = now;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        staffId: token.staffId,
        sessionId: token.sessionId,
        role: token.role,
        signedInAt: token.signedInAt,
        lastSeenAt: token.lastSeenAt,
      };
    },
  },
};
