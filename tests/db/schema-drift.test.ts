// schema.prisma and the migrated database must describe the same tables: a column, type,
// nullability or foreign key changed in one and not the other fails here.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };

const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const models: Model[] = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))).datamodel.models;
const tableOf = (modelName: string) => {
  const model = models.find((m) => m.name === modelName)!;
  return model.dbName ?? model.name;
};
const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName)!;
  return field.dbName ?? field.name;
};

function postgresType(field: Field): string {
  if (field.isList) return `_${postgresType({ ...field, isList: false })}`;
  if (field.kind === "enum") return field.type;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "String":
      return native === "Uuid" ? "uuid" : native === "Citext" ? "citext" : "text";
    case "Int":
      return native === "SmallInt" ? "int2" : "int4";
    case "BigInt":
      return "int8";
    case "Boolean":
      return "bool";
    case "Json":
      return "jsonb";
    case "DateTime":
      return native === "Date"
        ? "date"
        : native === "Time"
          ? "time"
          : native === "Timestamptz"
            ? "timestamptz"
            : "timestamp";
    default:
      throw new Error(`No mapping for Prisma type ${field.type}`);
  }
}

function expectedColumns(): string[] {
  const columns: string[] = [];
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      columns.push(
        `${tableOf(model.name)}.${field.dbName ?? field.name} ${postgresType(field)} ${field.isRequired ? "NOT NULL" : "NULL"}`,
      );
    }
  }
  // Fields Prisma only knows as Unsupported("type") are not in the DMMF: read them from the text.
  let model = "";
  for (const line of schemaText.split("\n")) {
    const header = /^model (\w+) \{/.exec(line);
    if (header) model = header[1]!;
    const unsupported = /^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?(?:.*@map\("(\w+)"\))?/.exec(line);
    if (unsupported)
      columns.push(
        `${tableOf(model)}.${unsupported[4] ?? unsupported[1]} ${unsupported[2]} ${unsupported[3] ? "NULL" : "NOT NULL"}`,
      );
  }
  return columns.sort();
}

const deleteRules: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

function expectedForeignKeys(): string[] {
  const keys: string[] = [];
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.find((m) => m.name === field.type)!;
      const from = field.relationFromFields.map((f) => columnOf(model, f)).join(",");
      const to = field.relationToFields!.map((f) => columnOf(target, f)).join(",");
      const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)!.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      keys.push(`${tableOf(model.name)}(${from}) -> ${tableOf(target.name)}(${to}) ON DELETE ${deleteRules[onDelete]}`);
    }
  }
  return keys.sort();
}

describe("schema.prisma and the migrated database", () => {
  const client = new Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("have the same tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
         AND NOT (SELECT relispartition FROM pg_class WHERE oid = quote_ident(table_name)::regclass)`, // partitions store their table's rows
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map((m) => tableOf(m.name)).sort());
  });

  it("have the same columns, types and nullability", async () => {
    const { rows } = await client.query<{ c: string }>(
      `SELECT c.table_name || '.' || c.column_name || ' ' || c.udt_name || ' ' ||
              CASE WHEN c.is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END AS c
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
         AND NOT (SELECT relispartition FROM pg_class WHERE oid = quote_ident(c.table_name)::regclass)`,
    );
    expect(rows.map((r) => r.c).sort()).toEqual(expectedColumns());
  });

  it("have the same foreign keys", async () => {
    const { rows } = await client.query<{ k: string }>(
      `SELECT conrelid::regclass::text || '(' ||
              (SELECT string_agg(attname, ',' ORDER BY k.ord) FROM unnest(conkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n) || ') -> ' ||
              confrelid::regclass::text || '(' ||
              (SELECT string_agg(attname, ',' ORDER BY k.ord) FROM unnest(confkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.n) || ') ON DELETE ' ||
              CASE confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL'
                               WHEN 'a' THEN 'NO ACTION' WHEN 'd' THEN 'SET DEFAULT' END AS k
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
         AND conparentid = 0`, // a partitioned table's keys, not their copies on each partition
    );
    expect(rows.map((r) => r.k).sort()).toEqual(expectedForeignKeys());
  });
});
