import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { authRouteOf, observed } from "@/lib/http/observed";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };
const observe = (method: "get" | "post") => (request: Request, context: Context) =>
  observed({ method, path: authRouteOf(request.url) }, request, () => handler(request, context));

export const GET = observe("get");
export const POST = observe("post");
