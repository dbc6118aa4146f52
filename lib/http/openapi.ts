import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { endpoints } from "./endpoints";

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const problemContent = { "application/problem+json": { schema: problem } };

/** The OpenAPI 3.1 document, generated from the endpoint catalogue and its zod schemas. */
export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "next-auth.session-token" });
  for (const endpoint of Object.values(endpoints)) {
    const e = endpoint as import("./endpoints").Endpoint;
    const route: RouteConfig = {
      method: e.method,
      path: e.path,
      summary: e.summary,
      security: e.action ? [{ session: [] }] : [],
      request: {
        params: e.params as RouteConfig["request"] extends infer R ? R extends { params?: infer P } ? P : never : never,
        query: e.query as RouteConfig["request"] extends infer R ? R extends { query?: infer Q } ? Q : never : never,
        body: e.body ? { content: { "application/json": { schema: e.body } } } : undefined,
      },
      responses: {
        [e.status ?? 200]: { description: "Success", content: e.response ? { "application/json": { schema: e.response } } : undefined },
        400: { description: "Malformed input, with the field paths", content: problemContent },
        ...(e.action
          ? {
              401: { description: "Not signed in", content: problemContent },
              403: { description: "The role may not do this", content: problemContent },
            }
          : {}),
        422: { description: "A protocol rule refused it; `code` is the rule ID", content: problemContent },
      },
    };
    registry.registerPath(route);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Posterior ankle impingement pathway API",
      version: "1",
      description: "The API the clinic's web app uses; outside systems use the same one.",
    },
  });
}
