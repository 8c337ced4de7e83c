// schema.prisma and the SQL migrations are kept by hand (the Prisma engine can't be
// downloaded here); this test proves they agree, so neither can drift unnoticed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { pendingMigrations, readMigrations } from "./migrations";

type Field = { name: string; column: string; type: string; optional: boolean; list: boolean };
type Model = { name: string; table: string; fields: Field[] };

function parseSchema(source: string) {
  const models: Model[] = [];
  const enums = new Map<string, { name: string; values: string[] }>();
  for (const block of source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, kind, name, body] = block;
    const lines = body.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim()).filter(Boolean);
    const mapped = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    if (kind === "enum") {
      enums.set(name, { name: mapped, values: lines.filter((line) => !line.startsWith("@@")).map((line) => line.split(/\s+/)[0]) });
      continue;
    }
    const fields = lines
      .filter((line) => !line.startsWith("@@"))
      .map((line) => {
        const [fieldName, rawType] = line.split(/\s+/);
        return {
          name: fieldName,
          column: /@map\("([^"]+)"\)/.exec(line)?.[1] ?? fieldName,
          type: rawType.replace(/[?[\]]/g, ""),
          optional: rawType.endsWith("?"),
          list: rawType.endsWith("[]"),
          // A list of models is a relation (dropped below with the other model-typed fields); a list of scalars is a column.
          relation: line.includes("@relation"),
        };
      });
    models.push({ name, table: mapped, fields: fields.filter((field) => !field.relation) });
  }
  const modelNames = new Set(models.map((model) => model.name));
  for (const model of models) model.fields = model.fields.filter((field) => !modelNames.has(field.type));
  return { models, enums };
}

const schema = parseSchema(readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));

describe("schema.prisma agrees with the migrated database", () => {
  it("every migration is applied", async () => {
    expect(readMigrations().length).toBeGreaterThan(0);
    const url = process.env.DATABASE_URL!;
    expect(await pendingMigrations(url)).toEqual([]);
  });

  it("has exactly the same tables and columns, with the same nullability", async () => {
    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string; is_nullable: string }[]>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT IN ('_prisma_migrations', '_function_sources')`;
    const inDatabase = new Map<string, Map<string, boolean>>();
    for (const column of columns) {
      if (!inDatabase.has(column.table_name)) inDatabase.set(column.table_name, new Map());
      inDatabase.get(column.table_name)!.set(column.column_name, column.is_nullable === "YES");
    }
    expect([...inDatabase.keys()].sort()).toEqual(schema.models.map((model) => model.table).sort());
    for (const model of schema.models) {
      const dbColumns = inDatabase.get(model.table)!;
      expect([...dbColumns.keys()].sort(), model.table).toEqual(model.fields.map((field) => field.column).sort());
      for (const field of model.fields) expect(dbColumns.get(field.column), `${model.table}.${field.column} nullable`).toBe(field.optional);
    }
  });

  it("has the same enums and values", async () => {
    const rows = await prisma.$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const inDatabase = Object.fromEntries(rows.map((row) => [row.typname, row.labels]));
    const inSchema = Object.fromEntries([...schema.enums.values()].map((entry) => [entry.name, entry.values]));
    expect(inDatabase).toEqual(inSchema);
  });

  it("every model can be read through the client", async () => {
    const client = prisma as unknown as Record<string, { findFirst: () => Promise<unknown> }>;
    for (const model of schema.models) {
      const delegate = client[model.name[0].toLowerCase() + model.name.slice(1)];
      await expect(delegate.findFirst(), model.name).resolves.not.toThrow;
    }
  });

  it("every model can be written through the client (in a transaction that is rolled back)", async () => {
    const rollback = new Error("rollback");
    const written: string[] = [];
    await expect(
      prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: "schema-check@example.test", name: "S", passwordHash: "x" } });
        const venue = await tx.venue.create({ data: { name: "V", address: "A", city: "C", neighbourhood: "N", timeZone: "UTC" } });
        const event = await tx.event.create({ data: { slug: "schema-check", title: "T", summary: "S", description: "D", category: "comedy", city: "C", neighbourhood: "N", imagePath: "/x.webp", imageAlt: "", venueId: venue.id } });
        const session = await tx.eventSession.create({ data: { eventId: event.id, venueId: venue.id, startsAt: new Date(), endsAt: new Date(Date.now() + 1000) } });
        const type = await tx.ticketType.create({ data: { sessionId: session.id, name: "GA", priceMinor: 100, capacity: 5 } });
        const resource = await tx.resource.create({ data: { eventId: event.id, venueId: venue.id, name: "R", opensMinute: 0, closesMinute: 60, slotMinutes: 30, minMinutes: 30, maxMinutes: 60, priceMinorPerSlot: 0 } });
        const order = await tx.order.create({ data: { reference: "LT-SCHEMA", userId: user.id, buyerEmail: user.email.toLowerCase(), buyerName: user.name, eventId: event.id, totalMinor: 100, currency: "EUR", holdExpiresAt: new Date() } });
        await tx.orderItem.create({ data: { orderId: order.id, ticketTypeId: type.id, quantity: 1, unitPriceMinor: 100 } });
        const booking = await tx.booking.create({ data: { resourceId: resource.id, orderId: order.id, startsAt: new Date(), endsAt: new Date(Date.now() + 1000) } });
        await tx.ticket.create({ data: { orderId: order.id, bookingId: booking.id, code: "schema-check", holderName: "S" } });
        await tx.job.create({ data: { kind: "schema_check", payload: { ok: true } } });
        await tx.rateLimitHit.create({ data: { key: "schema-check", windowStart: new Date() } });
        const stored = await tx.ticketType.findUniqueOrThrow({ where: { id: type.id } });
        expect(stored.remaining).toBe(5);
        written.push("all");
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(written).toEqual(["all"]);
    expect(await prisma.user.count({ where: { email: "schema-check@example.test" } })).toBe(0);
  });
});
