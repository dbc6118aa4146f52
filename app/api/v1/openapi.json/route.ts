import { openApiDocument } from "@/lib/http/openapi";

// The document depends only on the code: generated once per process, on the first request.
let document: string | undefined;

export function GET() {
  document ??= JSON.stringify(openApiDocument());
  return new Response(document, { headers: { "content-type": "application/json" } });
}
