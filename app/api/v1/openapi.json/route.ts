import { observed } from "@/lib/http/observed";
import { openApiDocument } from "@/lib/http/openapi";

// The document depends only on the code: generated once per process, on the first request.
let document: string | undefined;

export function GET(request: Request) {
  return observed({ method: "get", path: "/api/v1/openapi.json" }, request, async () => {
    document ??= JSON.stringify(openApiDocument());
    return new Response(document, { headers: { "content-type": "application/json" } });
  });
}
