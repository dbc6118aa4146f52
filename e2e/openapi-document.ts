// The OpenAPI document against live answers: for a real call, the operation is found in the
// served document by the request's method and path (matched against the path templates), the
// response declared for the status the server actually answered and the media type it sent, and
// the live body is validated against that schema. A status or media type the document does not
// declare is a failure, as is a body that does not match.
//
// OpenAPI 3.1 schemas are JSON Schema 2020-12, so the validator is Ajv's 2020-12 class, in strict
// mode: a keyword it does not know fails the compilation instead of being skipped.
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { APIResponse } from "@playwright/test";
import type { Method } from "@/lib/http/endpoints";

type MediaType = { schema?: object };
type Operation = { responses?: Record<string, { content?: Record<string, MediaType> }> };
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, object> };
};

const documentId = "openapi.json";
/** A JSON pointer into the document, as a URI fragment. */
const pointer = (segments: string[]) =>
  `${documentId}#${segments.map((s) => `/${encodeURIComponent(s.replace(/~/g, "~0").replace(/\//g, "~1"))}`).join("")}`;
const isJson = (mediaType: string) => mediaType === "application/json" || mediaType.endsWith("+json");
/** Ajv's error as one line, e.g. `body/items/0/birthDate must be string (#/properties/birthDate/type)`. */
const asLine = (e: ErrorObject) => {
  const extra =
    e.keyword === "additionalProperties"
      ? `: '${(e.params as { additionalProperty: string }).additionalProperty}'`
      : "";
  return `body${e.instancePath} ${e.message}${extra} (${e.schemaPath})`;
};

/** The keywords OpenAPI 3.1 adds to JSON Schema: annotations that validate nothing. */
const openApiAnnotations = ["discriminator", "xml", "externalDocs", "example"];
/**
 * The fields of the OpenAPI Object itself. The document is added whole, as one resource, so its
 * root is compiled too: declared, they make it the empty schema instead of a strict-mode error.
 * No schema object inside uses them.
 */
const documentFields = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "paths",
  "webhooks",
  "components",
  "security",
  "tags",
];

export class LiveDocument {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addVocabulary([...openApiAnnotations, ...documentFields]);
    // The whole document is one schema resource, so that `#/components/schemas/...` refs resolve.
    this.ajv.addSchema(document as object, documentId);
  }

  /** The path template matching a concrete path: a literal segment wins over a `{param}`. */
  templateOf(method: Method, pathname: string): string | undefined {
    const matches = Object.keys(this.document.paths).filter((template) => {
      if (!this.document.paths[template]?.[method]) return false;
      const pattern = template
        .split("/")
        .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      return new RegExp(`^${pattern.join("/")}$`).test(pathname);
    });
    const params = (template: string) => (template.match(/\{/g) ?? []).length;
    return matches.sort((a, b) => params(a) - params(b))[0];
  }

  /** What is wrong with one live answer, as readable lines; empty when the document describes it. */
  async problems(method: Method, url: string, response: APIResponse): Promise<string[]> {
    const pathname = new URL(url, "http://localhost").pathname;
    const status = String(response.status());
    const call = `${method.toUpperCase()} ${pathname} -> ${status}`;
    const template = this.templateOf(method, pathname);
    if (!template) return [`${call}: no operation in the document`];
    const declared = this.document.paths[template]![method]!.responses?.[status];
    if (!declared) return [`${call}: ${method.toUpperCase()} ${template} declares no ${status} response`];
    const mediaType = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
    const content = declared.content?.[mediaType];
    if (!content)
      return [
        `${call}: ${method.toUpperCase()} ${template} declares no ${mediaType || "(no content type)"} content for ${status}`,
      ];
    if (!isJson(mediaType)) return [];
    if (!content.schema)
      return [`${call}: ${method.toUpperCase()} ${template} declares no schema for ${status} ${mediaType}`];
    return this.bodyProblems(method, template, status, mediaType, await response.json()).map(
      (line) => `${call}: ${line}`,
    );
  }

  /** How a JSON body breaks the schema declared for an operation's status and media type. */
  bodyProblems(method: Method, template: string, status: string, mediaType: string, body: unknown): string[] {
    const validate = this.ajv.compile({
      $ref: pointer(["paths", template, method, "responses", status, "content", mediaType, "schema"]),
    });
    if (validate(body)) return [];
    return (validate.errors ?? []).map(asLine);
  }

  /**
   * Compiles every schema of the document, the components' and each declared JSON response's:
   * one the validator cannot read fails here, not only when a call happens to need it. Also
   * lists each `nullable`: no keyword in OpenAPI 3.1, but Ajv honours it as OpenAPI 3.0 did and
   * would let null through where the document, read as 3.1, refuses it.
   */
  unreadableSchemas(): string[] {
    const nullable: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${at}/${i}`));
      if (!value || typeof value !== "object") return;
      if (typeof (value as { nullable?: unknown }).nullable === "boolean")
        nullable.push(`${at}: nullable, which only OpenAPI 3.0 reads`);
      for (const [key, inner] of Object.entries(value)) walk(inner, `${at}/${key}`);
    };
    walk(this.document, "");
    const where: string[][] = Object.keys(this.document.components?.schemas ?? {}).map((name) => [
      "components",
      "schemas",
      name,
    ]);
    for (const [template, operations] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation?.responses ?? {})) {
          for (const [mediaType, content] of Object.entries(response.content ?? {})) {
            if (isJson(mediaType) && content.schema)
              where.push(["paths", template, method, "responses", status, "content", mediaType, "schema"]);
          }
        }
      }
    }
    return nullable.concat(
      where.flatMap((segments) => {
        try {
          this.ajv.compile({ $ref: pointer(segments) });
          return [];
        } catch (error) {
          return [`${segments.join(" ")}: ${error instanceof Error ? error.message : String(error)}`];
        }
      }),
    );
  }
}
