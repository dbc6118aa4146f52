import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The layers and which may import which (docs/architecture.md, "Who may import whom"). Each
// pattern matches an import by the "@/" alias or by a relative path, so "../db/client" is
// caught as "@/lib/db/client" is.
const inLib = (folder, except = "") => `^(@/lib/|(\\.\\./)+(lib/)?)${folder}${except}(/.*)?$`;
const atRoot = (folder) => `^(@/|(\\.\\./)+)${folder}(/.*)?$`;

const modules = {
  next: { regex: "^next(/.*)?$", name: "Next.js" },
  nextAuth: { regex: "^next-auth(/.*)?$", name: "next-auth" },
  react: { regex: "^react(-dom)?(/.*)?$", name: "React" },
  prisma: { regex: "^@prisma/", name: "Prisma" },
  db: { regex: inLib("db"), name: "the database layer (lib/db, with the generated Prisma client)" },
  http: { regex: inLib("http"), name: "the HTTP edge (lib/http)" },
  services: { regex: inLib("services"), name: "the services (lib/services)" },
  domain: { regex: inLib("domain"), name: "the domain (lib/domain)" },
  auth: { regex: inLib("auth"), name: "lib/auth" },
  authServer: { regex: inLib("auth", "(?!/policy$)"), name: "lib/auth beyond its policy table (lib/auth/policy)" },
  schemas: { regex: inLib("schemas"), name: "the schemas (lib/schemas)" },
  components: { regex: atRoot("components"), name: "components/" },
  app: { regex: atRoot("app"), name: "app/" },
  httpServer: {
    regex: inLib("http", "(?!/(client|endpoints)$)"),
    name: "the server side of lib/http (only its client and endpoints)",
  },
  // An absolute path, a doubled slash or a "./" or "x/../" inside a path would slip past the patterns above.
  oddPath: {
    regex: "^/|//|/\\./|^\\./\\.\\./|[^./]/\\.\\./",
    name: 'a path spelt other than "@/…" or a plain relative path',
  },
};

const layers = [
  {
    files: ["lib/domain/**"],
    who: "lib/domain",
    why: "the protocol is pure TypeScript, free of framework, database and transport",
    not: ["next", "nextAuth", "react", "prisma", "db", "http", "services", "auth", "schemas", "components", "app"],
  },
  {
    files: ["lib/schemas/**"],
    who: "lib/schemas",
    why: "the schemas are shared by the browser and the server",
    not: ["next", "nextAuth", "react", "prisma", "db", "http", "services", "authServer", "components", "app"],
  },
  {
    files: ["lib/db/**"],
    who: "lib/db",
    why: "the database layer sits below the services and knows nothing of HTTP or sessions",
    not: ["next", "nextAuth", "react", "http", "services", "auth", "schemas", "components", "app"],
  },
  {
    files: ["lib/services/**"],
    who: "lib/services",
    why: "a use case speaks the domain's errors and results; HTTP is chosen at the edge",
    not: ["next", "nextAuth", "react", "http", "components", "app"],
  },
  {
    files: ["lib/messages/**"],
    who: "lib/messages",
    why: "templates and transports render and carry a message; the services decide what is sent",
    not: ["next", "nextAuth", "react", "prisma", "db", "http", "services", "auth", "components", "app"],
  },
  {
    files: ["lib/fhir/**"],
    who: "lib/fhir",
    why: "the FHIR mappers turn service results into resources, purely; the edge (lib/http/fhir) reads and answers",
    not: ["next", "nextAuth", "react", "prisma", "db", "http", "auth", "components", "app"],
    // The shapes of the service results it maps, with `import type`: no code of theirs runs here.
    typesOnly: ["services"],
  },
  {
    files: ["lib/jobs/**"],
    who: "lib/jobs",
    why: "the worker is an edge like a route handler: it calls the services and knows nothing of HTTP or pages",
    not: ["next", "nextAuth", "react", "http", "components", "app"],
  },
  {
    files: ["lib/auth/**"],
    who: "lib/auth",
    why: "its errors are the domain's; HTTP is chosen at the edge",
    not: ["react", "http", "components", "app"],
  },
  {
    files: ["lib/http/**"],
    who: "lib/http",
    why: "the HTTP edge serves the pages and the browser, it does not depend on them",
    not: ["react", "components", "app"],
  },
  {
    files: ["components/**"],
    who: "components/",
    why: "the browser reads and writes through /api/v1; pages pass server data down as props",
    not: ["prisma", "db", "services", "authServer", "httpServer"],
  },
  {
    files: ["app/**/route.ts"],
    who: "A route handler",
    why: "it parses, authorises and calls a service, which owns the transaction and the domain decision",
    not: ["prisma", "db", "domain", "components"],
  },
  {
    files: ["app/**"],
    ignores: ["app/**/route.ts"],
    who: "A page or layout",
    why: "it reads through the services, which audit every read of patient data",
    not: ["prisma", "db"],
  },
];

// A file matches one block only: a later block's no-restricted-imports would replace an earlier one's.
const layerRules = layers.map(({ files, ignores, who, why, not, typesOnly = [] }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: {
    ...(typesOnly.length
      ? {
          "@typescript-eslint/no-restricted-imports": [
            "error",
            {
              patterns: typesOnly.map((key) => ({
                regex: modules[key].regex,
                allowTypeImports: true,
                message: `${who} may import only the types of ${modules[key].name}: ${why} (docs/architecture.md).`,
              })),
            },
          ],
        }
      : {}),
    "no-restricted-imports": [
      "error",
      {
        patterns: [...not, "oddPath"].map((key) => ({
          regex: modules[key].regex,
          message: `${who} may not import ${modules[key].name}: ${why} (docs/architecture.md).`,
        })),
      },
    ],
  },
}));

// PW-3: a case's status moves only by a decision the pathway returned (lib/domain/pathway.ts): a
// cast would forge one past the type's brand, and only moveCase (lib/services/case-record.ts)
// writes a case row's status.
const forgedCaseMove = ["TSAsExpression", "TSTypeAssertion"].map((node) => ({
  selector: `${node} > TSTypeReference[typeName.name='CaseMove']`,
  message: "Only the pathway's decisions make a CaseMove: ask lib/domain/pathway.ts (docs/architecture.md).",
}));
const caseRowWrite = {
  selector:
    "CallExpression[callee.object.property.name='clinicalCase'][callee.property.name=/^(update|updateMany|upsert)$/]",
  message: "A case's row changes only through moveCase (lib/services/case-record.ts), by a decision of the pathway.",
};
// Imports the layer patterns cannot see: the domain, services and components use static imports only.
const hiddenImports = [
  { selector: "ImportExpression", message: "Use a static import, so the layer rules can check it." },
  { selector: "TSImportType", message: "Use `import type`, so the layer rules can check it." },
  {
    selector: "CallExpression[callee.name='require']",
    message: "Use a static import, so the layer rules can check it.",
  },
];
const syntax = (files, ignores, selectors) => ({
  files,
  ...(ignores.length ? { ignores } : {}),
  rules: { "no-restricted-syntax": ["error", ...selectors] },
});
const ts = ["**/*.ts", "**/*.tsx"];
// As with the layers, a file matches one block only.
const syntaxRules = [
  syntax(["lib/domain/**"], [], hiddenImports),
  syntax(["lib/services/case-record.ts"], [], [...forgedCaseMove, ...hiddenImports]),
  syntax(
    ["lib/services/**", "components/**"],
    ["lib/services/case-record.ts"],
    [...forgedCaseMove, caseRowWrite, ...hiddenImports],
  ),
  syntax(["tests/**"], [], forgedCaseMove),
  syntax(ts, ["lib/domain/**", "lib/services/**", "components/**", "tests/**"], [...forgedCaseMove, caseRowWrite]),
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  prettier,
  ...layerRules,
  ...syntaxRules,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
