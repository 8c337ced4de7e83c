// `npm run bench:availability`: the experiment of
// ../shared/reference/time-availability-implementations.txt ("Comparing Time Availability
// archetype implementations"), reproduced side by side with the product's own bookings.
//
//   1. a fresh embedded PostgreSQL in .data/bench-availability, migrated;
//   2. 1,000 resources with 1,000 bookings each, in four implementations:
//        slots    the reference's "time slots": one row per 15-minute slot, a unique index on
//                 (resource, start), lock = the reference's upsert loop, unlock = locked=false
//        select   the reference's "SELECT … FOR UPDATE" over ranges, then INSERT
//        gist     the reference's GiST exclusion constraint (resource =, range &&)
//        product  reserveBooking / cancelOrder of lib/orders, the exact functions the
//                 checkout and the API call (resource row lock, overlap check, GiST
//                 exclusion constraint as the backstop, an order per booking)
//      The three reference strategies live in their own schema (bench_ta) of the same
//      database; the product uses its real tables;
//   3. one at a time, round robin over the implementations: average time to book, to be
//      refused on a conflict, to cancel, and to book the same range again;
//   4. 10,000 concurrent booking attempts (same list for every implementation, overlapping
//      on purpose), through a pool of 20 connections: wall time, latency, booked/refused;
//   5. asserted: no two live bookings overlap (product, gist, slots), and every attempt
//      reported as booked is a live booking. Errors (e.g. a timeout waiting for a connection)
//      are counted and shown, not asserted: they depend on timing. The reference's
//      SELECT strategy is reported, not asserted: FOR UPDATE locks only rows that already
//      exist, so two transactions booking the same free range both find nothing and both
//      insert. A two-transaction probe shows it deterministically.
//
// Prints tables and writes bench/results/availability-<timestamp>.json.
// Needs the react-server export condition (lib/orders starts with `import "server-only"`):
//   tsx --conditions=react-server scripts/bench-availability.ts   (what the npm script runs)
// Options: --resources 1000 --bookings 1000 --hours 2 --samples 200 --concurrent 10000
//          --pool 20 --out <file> --keep
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrations";
import { check, environment, ms, postgresVersion, printTable, round, stats, timed, writeResults, type Stats } from "./lib/bench-common";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { accountBuyer } from "@/lib/orders/buyer";

const { values } = parseArgs({
  options: {
    resources: { type: "string", default: "1000" },
    bookings: { type: "string", default: "1000" },
    hours: { type: "string", default: "2" },
    samples: { type: "string", default: "200" },
    concurrent: { type: "string", default: "10000" },
    pool: { type: "string", default: "20" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const RESOURCES = Number(values.resources);
const BOOKINGS = Number(values.bookings);
const HOURS = Number(values.hours);
const SAMPLES = Number(values.samples);
const CONCURRENT = Number(values.concurrent);
const POOL = Number(values.pool);
const SLOT_MINUTES = 15;
const SLOTS_PER_BOOKING = (HOURS * 60) / SLOT_MINUTES;
const DATA_DIR = path.resolve(".data/bench-availability");
const DAY_MS = 86_400_000;
// Opening hours of the product's resources (UTC venue): 08:00-20:00, 15-minute steps.
const OPENS_MINUTE = 8 * 60;
const CLOSES_MINUTE = 20 * 60;

type Outcome = "booked" | "refused" | "error";
type Range = { resource: number; start: Date; end: Date };

/** One implementation of the archetype: lock (book) and unlock (cancel) a range. */
type Strategy = {
  name: string;
  description: string;
  /** Books `range` for `requester`; "refused" on a conflict. The returned handle cancels it. */
  book: (range: Range, requester: string) => Promise<{ outcome: Outcome; handle?: string; error?: string }>;
  cancel: (range: Range, requester: string, handle: string) => Promise<void>;
};

// ---------------------------------------------------------------------------------------
// Dates: day 0 is the day after tomorrow (UTC), so every booking is in the future.

const DAY0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 2 * DAY_MS;

function at(day: number, minute: number): Date {
  return new Date(DAY0 + day * DAY_MS + minute * 60_000);
}

/** A deterministic pseudo-random sequence (LCG), so every run sends the same attempts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// ---------------------------------------------------------------------------------------
// Data

/** The product's side: a venue in UTC, one published event per resource, 1,000 sold bookings each. */
async function prefillProduct(client: pg.Client): Promise<{ bookerIds: string[]; resourceIds: string[] }> {
  const { rows: [user] } = await client.query<{ id: string }>(
    "INSERT INTO users (email, name, password_hash) VALUES ('availability@example.test', 'Availability Bench', 'not-a-password-hash') RETURNING id",
  );
  // People who book: each holds a few places at most, as real buyers do (the per-buyer hold
  // limit would refuse one user holding thousands, and its check would count them all).
  const { rows: bookers } = await client.query<{ id: string }>(
    `INSERT INTO users (email, name, password_hash)
     SELECT 'availability-' || n || '@example.test', 'Booker ' || n, 'not-a-password-hash' FROM generate_series(1, 5000) AS n RETURNING id`,
  );
  const { rows: [venue] } = await client.query<{ id: string }>(
    "INSERT INTO venues (name, address, city, neighbourhood, time_zone) VALUES ('Bench Rooms', '1 Clock Street', 'Lisbon', 'Baixa', 'UTC') RETURNING id",
  );
  await client.query(
    `INSERT INTO events (slug, title, summary, description, category, city, neighbourhood, image_path, image_alt, status, venue_id)
     SELECT 'availability-' || r, 'Room ' || r, 'A bookable room.', 'Book it by the quarter hour.', 'workshop', 'Lisbon', 'Baixa',
            '/images/events/pottery-wheel-hour.webp', '', 'published', $2
       FROM generate_series(1, $1) AS r`,
    [RESOURCES, venue.id],
  );
  await client.query(
    `CREATE TABLE bench_ta.resource_map AS
       SELECT (substring(e.slug FROM 14))::int AS n, e.id AS event_id, NULL::uuid AS resource_id FROM events e WHERE e.slug LIKE 'availability-%'`,
  );
  await client.query(
    `WITH created AS (
       INSERT INTO resources (event_id, venue_id, name, opens_minute, closes_minute, slot_minutes, min_minutes, max_minutes, price_minor_per_slot)
       SELECT m.event_id, $1, 'Room ' || m.n, $2::int, $3::int, $4::int, $4::int, $3::int - $2::int, 500 FROM bench_ta.resource_map m
       RETURNING id, event_id)
     UPDATE bench_ta.resource_map m SET resource_id = created.id FROM created WHERE created.event_id = m.event_id`,
    [venue.id, OPENS_MINUTE, CLOSES_MINUTE, SLOT_MINUTES],
  );
  await client.query("CREATE UNIQUE INDEX ON bench_ta.resource_map (n)");
  // Paid orders with one sold booking each: day k, 10:00 for HOURS hours. In chunks, so a
  // statement never holds a million rows in memory.
  const chunk = Math.max(1, Math.floor(100_000 / BOOKINGS));
  for (let first = 1; first <= RESOURCES; first += chunk) {
    await client.query(
      `WITH o AS (
         INSERT INTO orders (reference, user_id, buyer_email, buyer_name, event_id, status, total_minor, currency, hold_expires_at, paid_at, payment_provider)
         SELECT 'BA-' || m.n || '-' || k, $1::uuid, lower(u.email), u.name, m.event_id, 'paid', 500 * $5, 'EUR', now(), now(), 'bench'
           FROM bench_ta.resource_map m CROSS JOIN generate_series(0, $4 - 1) AS k JOIN users u ON u.id = $1::uuid
          WHERE m.n BETWEEN $2 AND $3
         RETURNING id, reference)
       INSERT INTO bookings (resource_id, order_id, starts_at, ends_at, status)
       SELECT m.resource_id, o.id,
              $6::timestamptz + split_part(o.reference, '-', 3)::int * interval '1 day' + interval '10 hours',
              $6::timestamptz + split_part(o.reference, '-', 3)::int * interval '1 day' + interval '10 hours' + $7 * interval '1 hour',
              'sold'
         FROM o JOIN bench_ta.resource_map m ON m.n = split_part(o.reference, '-', 2)::int`,
      [user.id, first, Math.min(RESOURCES, first + chunk - 1), BOOKINGS, SLOTS_PER_BOOKING, new Date(DAY0).toISOString(), HOURS],
    );
  }
  const { rows } = await client.query<{ resource_id: string }>("SELECT resource_id FROM bench_ta.resource_map ORDER BY n");
  return { bookerIds: bookers.map((booker) => booker.id), resourceIds: rows.map((row) => row.resource_id) };
}

/**
 * The reference's three tables, as its article creates them (same columns, indexes and
 * constraint), filled in bulk with the same bookings and indexed afterwards (the end state
 * of inserting them one by one, in a fraction of the time). Its timestamps have no time
 * zone: the pool's sessions run in UTC. Its lock SQL becomes functions taking parameters
 * (the article interpolates values into DO blocks); the statements inside are the same.
 */
async function prefillReference(client: pg.Client): Promise<Record<string, number>> {
  const day0 = new Date(DAY0).toISOString();
  const seconds: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const [took] = await timed(() => client.query(sql, params));
    seconds[name] = round((seconds[name] ?? 0) + took / 1000, 1);
  };
  await client.query(`SET TIME ZONE 'UTC'`);

  // Time slots: one row per 15-minute slot.
  await step("slots", `
    CREATE TABLE bench_ta."TimeSlot" (
      "id" SERIAL NOT NULL,
      "requesterId" TEXT NOT NULL,
      "resourceId" INTEGER NOT NULL,
      "startTime" TIMESTAMP(3) NOT NULL,
      "endTime" TIMESTAMP(3) NOT NULL,
      "locked" BOOLEAN NOT NULL DEFAULT true,
      CONSTRAINT "TimeSlot_pkey" PRIMARY KEY ("id"))`);
  await step("slots", `
    INSERT INTO bench_ta."TimeSlot" ("requesterId", "resourceId", "startTime", "endTime", "locked")
    SELECT 'prefill-' || r || '-' || k, r,
           $1::timestamp + k * interval '1 day' + interval '10 hours' + s * interval '15 minutes',
           $1::timestamp + k * interval '1 day' + interval '10 hours' + (s + 1) * interval '15 minutes', true
      FROM generate_series(1, $2) AS r, generate_series(0, $3 - 1) AS k, generate_series(0, $4 - 1) AS s`,
    [day0, RESOURCES, BOOKINGS, SLOTS_PER_BOOKING]);
  await step("slots", `
    CREATE INDEX "TimeSlot_resourceId_requesterId_idx" ON bench_ta."TimeSlot"("resourceId", "requesterId");
    CREATE INDEX "TimeSlot_resourceId_idx" ON bench_ta."TimeSlot"("resourceId");
    CREATE UNIQUE INDEX "TimeSlot_resourceId_startTime_key" ON bench_ta."TimeSlot"("resourceId", "startTime");
    CREATE UNIQUE INDEX "TimeSlot_resourceId_startTime_locked_key" ON bench_ta."TimeSlot"("resourceId", "startTime", "locked");`);
  await step("slots", `
    CREATE FUNCTION bench_ta.lock_slots(p_slots JSONB) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      slot JSONB;
      v_locked BOOLEAN;
    BEGIN
      FOR slot IN SELECT * FROM jsonb_array_elements(p_slots)
      LOOP
        INSERT INTO bench_ta."TimeSlot" ("requesterId", "resourceId", "startTime", "endTime", "locked")
        VALUES (slot->>0, (slot->>1)::INTEGER, (slot->>2)::TIMESTAMPTZ, (slot->>3)::TIMESTAMPTZ, True)
        ON CONFLICT ("resourceId", "startTime")
        DO UPDATE SET "startTime" = EXCLUDED."startTime", "endTime" = EXCLUDED."endTime",
                      "requesterId" = EXCLUDED."requesterId", "locked" = True
        WHERE "TimeSlot"."locked" = False
        RETURNING "TimeSlot"."locked" INTO v_locked;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'CONFLICT';
        END IF;
      END LOOP;
    END $$`);

  // SELECT … FOR UPDATE over whole reservations.
  await step("select", `
    CREATE TABLE bench_ta."TimeSlot2" (
      "id" SERIAL NOT NULL,
      "requesterId" TEXT NOT NULL,
      "resourceId" INTEGER NOT NULL,
      "startTime" TIMESTAMP(3) NOT NULL,
      "endTime" TIMESTAMP(3) NOT NULL,
      "deleted" BOOLEAN NOT NULL DEFAULT true,
      CONSTRAINT "TimeSlot2_pkey" PRIMARY KEY ("id"))`);
  await step("select", `
    INSERT INTO bench_ta."TimeSlot2" ("requesterId", "resourceId", "startTime", "endTime", "deleted")
    SELECT 'prefill-' || r || '-' || k, r,
           $1::timestamp + k * interval '1 day' + interval '10 hours',
           $1::timestamp + k * interval '1 day' + interval '10 hours' + $4 * interval '1 hour', false
      FROM generate_series(1, $2) AS r, generate_series(0, $3 - 1) AS k`,
    [day0, RESOURCES, BOOKINGS, HOURS]);
  await step("select", `
    CREATE INDEX "TimeSlot2_resourceId_requesterId_idx" ON bench_ta."TimeSlot2"("resourceId", "requesterId");
    CREATE INDEX "TimeSlot2_resourceId_idx" ON bench_ta."TimeSlot2"("resourceId");
    CREATE UNIQUE INDEX "TimeSlot2_resourceId_dates_deleted_idx" ON bench_ta."TimeSlot2"("resourceId", "startTime", "endTime", "deleted");`);
  await step("select", `
    CREATE FUNCTION bench_ta.lock_select(p_resource INTEGER, p_requester TEXT, p_from TIMESTAMP, p_to TIMESTAMP) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      v_count INTEGER;
    BEGIN
      SELECT 1 AS "count" INTO v_count
        FROM bench_ta."TimeSlot2" t
       WHERE t."resourceId" = p_resource AND t."startTime" < p_to AND t."endTime" > p_from AND t."deleted" = False
       LIMIT 1
         FOR UPDATE;
      IF FOUND THEN
        RAISE EXCEPTION 'CONFLICT';
      END IF;
      INSERT INTO bench_ta."TimeSlot2" ("requesterId", "resourceId", "startTime", "endTime", "deleted")
      VALUES (p_requester, p_resource, p_from, p_to, False);
    END $$`);

  // GiST exclusion constraint.
  await step("gist", `
    CREATE TABLE bench_ta."timeslot3" (
      "id" SERIAL NOT NULL,
      "requesterid" TEXT,
      "resourceid" INTEGER,
      "date_range" tsrange,
      "deleted" BOOLEAN,
      CONSTRAINT "timeslot3_pkey" PRIMARY KEY ("id"))`);
  await step("gist", `
    INSERT INTO bench_ta."timeslot3" ("requesterid", "resourceid", "date_range", "deleted")
    SELECT 'prefill-' || r || '-' || k, r,
           tsrange($1::timestamp + k * interval '1 day' + interval '10 hours',
                   $1::timestamp + k * interval '1 day' + interval '10 hours' + $4 * interval '1 hour', '[)'), false
      FROM generate_series(1, $2) AS r, generate_series(0, $3 - 1) AS k`,
    [day0, RESOURCES, BOOKINGS, HOURS]);
  await step("gist", `
    ALTER TABLE bench_ta."timeslot3" ADD CONSTRAINT "timeslot3_excl" EXCLUDE USING GIST ("resourceid" WITH =, "date_range" WITH &&) WHERE ("deleted" IS FALSE);
    CREATE UNIQUE INDEX "TimeSlot3_resourceId_daterange_deleted" ON bench_ta."timeslot3"("requesterid", "resourceid", "date_range", "deleted");`);
  return seconds;
}

// ---------------------------------------------------------------------------------------
// The four implementations

function isConflict(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  // RAISE EXCEPTION 'CONFLICT' (P0001), exclusion violation (23P01), unique violation (23505).
  return code === "23P01" || code === "23505" || (code === "P0001" && message === "CONFLICT");
}

async function referenceBook(work: () => Promise<unknown>): Promise<{ outcome: Outcome; handle?: string; error?: string }> {
  try {
    await work();
    return { outcome: "booked", handle: "" };
  } catch (error) {
    if (isConflict(error)) return { outcome: "refused" };
    return { outcome: "error", error: (error as { code?: string }).code ?? (error as Error).message };
  }
}

function slotsOf(range: Range, requester: string): [string, number, string, string][] {
  const slots: [string, number, string, string][] = [];
  for (let time = range.start.getTime(); time < range.end.getTime(); time += SLOT_MINUTES * 60_000) {
    slots.push([requester, range.resource, new Date(time).toISOString(), new Date(time + SLOT_MINUTES * 60_000).toISOString()]);
  }
  return slots;
}

/**
 * One statement on a pooled connection. Not pool.query: that closes the connection when the
 * statement fails, so every refused booking (an exception, by design of the reference's SQL)
 * would cost a new connection and its password handshake for the next statement.
 */
async function run(pool: pg.Pool, sql: string, params: unknown[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(sql, params);
  } finally {
    client.release();
  }
}

function referenceStrategies(pool: pg.Pool): Strategy[] {
  return [
    {
      name: "slots",
      description: "15-minute slots, unique index, upsert loop (reference 1)",
      book: (range, requester) => referenceBook(() => run(pool, "SELECT bench_ta.lock_slots($1::jsonb)", [JSON.stringify(slotsOf(range, requester))])),
      cancel: async (range, requester) => {
        const starts = slotsOf(range, requester).map((slot) => slot[2]);
        await run(pool,
          `UPDATE bench_ta."TimeSlot" SET "locked" = false WHERE "resourceId" = $1 AND "requesterId" = $2 AND "startTime" = ANY($3::timestamp[])`,
          [range.resource, requester, starts],
        );
      },
    },
    {
      name: "select",
      description: "SELECT … FOR UPDATE over ranges, then INSERT (reference 2)",
      book: (range, requester) =>
        referenceBook(() => run(pool, "SELECT bench_ta.lock_select($1, $2, $3::timestamp, $4::timestamp)", [range.resource, requester, range.start.toISOString(), range.end.toISOString()])),
      cancel: async (range, requester) => {
        await run(pool,
          `UPDATE bench_ta."TimeSlot2" SET "deleted" = true
            WHERE "requesterId" = $1 AND "resourceId" = $2 AND "startTime" = $3::timestamp AND "endTime" = $4::timestamp`,
          [requester, range.resource, range.start.toISOString(), range.end.toISOString()],
        );
      },
    },
    {
      name: "gist",
      description: "GiST exclusion constraint, plain INSERT (reference 3)",
      book: (range, requester) =>
        referenceBook(() =>
          run(pool,
            `INSERT INTO bench_ta."timeslot3" (requesterid, resourceid, date_range, deleted) VALUES ($1, $2, tsrange($3::timestamp, $4::timestamp, '[)'), false)`,
            [requester, range.resource, range.start.toISOString(), range.end.toISOString()],
          ),
        ),
      cancel: async (range, requester) => {
        await run(pool,
          `UPDATE bench_ta."timeslot3" SET "deleted" = true
            WHERE "requesterid" = $1 AND "resourceid" = $2 AND "deleted" = false AND "date_range" = tsrange($3::timestamp, $4::timestamp, '[)')`,
          [requester, range.resource, range.start.toISOString(), range.end.toISOString()],
        );
      },
    },
  ];
}

type OrdersModule = {
  reserveBooking: typeof import("../lib/orders/reserve-booking").reserveBooking;
  cancelOrder: typeof import("../lib/orders/cancel-order").cancelOrder;
  isOrderError: typeof import("../lib/orders/errors").isOrderError;
};

function productStrategy(orders: OrdersModule, bookerIds: string[], resourceIds: string[]): Strategy {
  let next = 0;
  const owners = new Map<string, string>();
  return {
    name: "product",
    description: "reserveBooking / cancelOrder (lib/orders): resource row lock + overlap check + exclusion constraint",
    book: async (range) => {
      try {
        const userId = bookerIds[next++ % bookerIds.length];
        const order = await orders.reserveBooking({
          buyer: accountBuyer(userId),
          input: { resourceId: resourceIds[range.resource - 1], start: range.start, minutes: Math.round((range.end.getTime() - range.start.getTime()) / 60_000) },
        });
        owners.set(order.id, userId);
        return { outcome: "booked", handle: order.id };
      } catch (error) {
        if (orders.isOrderError(error) && error.code === "taken") return { outcome: "refused" };
        return { outcome: "error", error: orders.isOrderError(error) ? error.code : ((error as { code?: string }).code ?? (error as Error).message) };
      }
    },
    cancel: async (_range, _requester, handle) => {
      await orders.cancelOrder({ viewer: { id: owners.get(handle)!, email: "", name: "", role: "attendee" }, orderId: handle, ticketIds: null });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Measurements

type OperationFigures = { book: Stats; conflict: Stats; cancel: Stats; bookAgain: Stats };

/**
 * One at a time, round robin over the implementations (so drift on the machine hits every
 * implementation alike). Sample i uses resource i and a day of its own: book 14:00 for
 * HOURS hours (free), try 11:00 (overlaps the prefilled 10:00 booking), cancel, book again.
 */
async function measureOperations(strategies: Strategy[], warmUp: number, samples: number): Promise<Record<string, OperationFigures>> {
  const times: Record<string, { book: number[]; conflict: number[]; cancel: number[]; bookAgain: number[] }> = {};
  for (const strategy of strategies) times[strategy.name] = { book: [], conflict: [], cancel: [], bookAgain: [] };
  for (let i = 0; i < warmUp + samples; i++) {
    const resource = 1 + (i % RESOURCES);
    const day = Math.floor((i * 7919) % BOOKINGS);
    const free: Range = { resource, start: at(day, 14 * 60), end: at(day, 14 * 60 + HOURS * 60) };
    const clash: Range = { resource, start: at(day, 11 * 60), end: at(day, 11 * 60 + HOURS * 60) };
    for (const strategy of strategies) {
      const requester = `ops-${i}`;
      const [bookMs, booked] = await timed(() => strategy.book(free, requester));
      check(booked.outcome === "booked", `${strategy.name}: booking a free range failed (${booked.error ?? booked.outcome})`);
      const [conflictMs, refused] = await timed(() => strategy.book(clash, `${requester}-clash`));
      check(refused.outcome === "refused", `${strategy.name}: an overlapping booking was not refused (${refused.error ?? refused.outcome})`);
      const [cancelMs] = await timed(() => strategy.cancel(free, requester, booked.handle!));
      const [againMs, again] = await timed(() => strategy.book(free, `${requester}-again`));
      check(again.outcome === "booked", `${strategy.name}: booking a cancelled range again failed (${again.error ?? again.outcome})`);
      if (i < warmUp) continue;
      const bucket = times[strategy.name];
      bucket.book.push(bookMs);
      bucket.conflict.push(conflictMs);
      bucket.cancel.push(cancelMs);
      bucket.bookAgain.push(againMs);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, bucket]) => [name, { book: stats(bucket.book), conflict: stats(bucket.conflict), cancel: stats(bucket.cancel), bookAgain: stats(bucket.bookAgain) }]),
  );
}

/**
 * CONCURRENT attempts, all started at once, on a day after the prefilled ones: resource and
 * start drawn at random (fixed seed), HOURS long, between 08:00 and 20:00, so about ten
 * attempts compete for each resource's day and many overlap.
 */
function concurrentAttempts(): Range[] {
  const next = random(42);
  const starts = (CLOSES_MINUTE - OPENS_MINUTE - HOURS * 60) / SLOT_MINUTES + 1;
  return Array.from({ length: CONCURRENT }, () => {
    const resource = 1 + Math.floor(next() * RESOURCES);
    const minute = OPENS_MINUTE + Math.floor(next() * starts) * SLOT_MINUTES;
    return { resource, start: at(BOOKINGS + 1, minute), end: at(BOOKINGS + 1, minute + HOURS * 60) };
  });
}

async function measureConcurrent(strategy: Strategy, attempts: Range[]) {
  const origin = performance.now();
  const results = await Promise.all(
    attempts.map(async (range, index) => {
      const started = performance.now();
      const result = await strategy.book(range, `c-${index}`);
      return { ...result, latencyMs: performance.now() - started, endMs: performance.now() - origin };
    }),
  );
  const wallMs = Math.max(...results.map((result) => result.endMs));
  const errors: Record<string, number> = {};
  for (const result of results) if (result.outcome === "error") errors[result.error ?? "?"] = (errors[result.error ?? "?"] ?? 0) + 1;
  return {
    attempts: results.length,
    seconds: round(wallMs / 1000),
    attemptsPerSecond: round(results.length / (wallMs / 1000), 1),
    latency: stats(results.map((result) => result.latencyMs)),
    booked: results.filter((result) => result.outcome === "booked").length,
    refused: results.filter((result) => result.outcome === "refused").length,
    errors,
  };
}

/** Overlapping pairs among live bookings of the concurrent day, per implementation. */
async function countOverlaps(client: pg.Client): Promise<Record<string, number>> {
  const day = at(BOOKINGS + 1, 0).toISOString();
  const count = async (sql: string, params: unknown[]) => Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  return {
    product: await count(
      `SELECT count(*)::text AS n FROM bookings a JOIN bookings b
          ON b.resource_id = a.resource_id AND b.id < a.id AND b.status IN ('held', 'sold')
         AND tstzrange(b.starts_at, b.ends_at) && tstzrange(a.starts_at, a.ends_at)
       WHERE a.status IN ('held', 'sold') AND a.starts_at >= $1::timestamptz`,
      [day],
    ),
    gist: await count(
      `SELECT count(*)::text AS n FROM bench_ta.timeslot3 a JOIN bench_ta.timeslot3 b
          ON b.resourceid = a.resourceid AND b.id < a.id AND b.deleted IS FALSE AND b.date_range && a.date_range
       WHERE a.deleted IS FALSE AND lower(a.date_range) >= $1::timestamp`,
      [day],
    ),
    select: await count(
      `SELECT count(*)::text AS n FROM bench_ta."TimeSlot2" a JOIN bench_ta."TimeSlot2" b
          ON b."resourceId" = a."resourceId" AND b.id < a.id AND NOT b.deleted
         AND b."startTime" < a."endTime" AND b."endTime" > a."startTime"
       WHERE NOT a.deleted AND a."startTime" >= $1::timestamp`,
      [day],
    ),
    // A slot row belongs to one requester at a time (unique index): an "overlap" here is a
    // booking reported as made that does not own all of its slots.
    slots: await count(
      `SELECT count(*)::text AS n FROM (
         SELECT "requesterId" FROM bench_ta."TimeSlot"
          WHERE "requesterId" LIKE 'c-%' AND "locked" GROUP BY "requesterId" HAVING count(*) <> $1) AS partial`,
      [SLOTS_PER_BOOKING],
    ),
  };
}

/** Live bookings the concurrent phase left, per implementation (must equal what was reported booked). */
async function countConcurrentBookings(client: pg.Client, bookerIds: string[]): Promise<Record<string, number>> {
  const day = at(BOOKINGS + 1, 0).toISOString();
  const count = async (sql: string, params: unknown[]) => Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  return {
    product: await count(
      `SELECT count(*)::text AS n FROM bookings b JOIN orders o ON o.id = b.order_id
        WHERE b.status IN ('held', 'sold') AND b.starts_at >= $1::timestamptz AND o.user_id = ANY($2::uuid[])`,
      [day, bookerIds],
    ),
    gist: await count(`SELECT count(*)::text AS n FROM bench_ta.timeslot3 WHERE deleted IS FALSE AND lower(date_range) >= $1::timestamp`, [day]),
    select: await count(`SELECT count(*)::text AS n FROM bench_ta."TimeSlot2" WHERE NOT deleted AND "startTime" >= $1::timestamp`, [day]),
    slots: await count(`SELECT count(DISTINCT "requesterId")::text AS n FROM bench_ta."TimeSlot" WHERE "requesterId" LIKE 'c-%' AND "locked"`, []),
  };
}

/**
 * Two transactions book overlapping free ranges; the first commits only after the second has
 * tried. With a unique index or an exclusion constraint the second waits for the first and is
 * refused; with SELECT … FOR UPDATE it finds no row to lock and books too.
 */
async function raceProbe(url: string, strategy: "slots" | "select" | "gist"): Promise<"second refused" | "both booked (overlap)" | string> {
  const first = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  const second = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await Promise.all([first.connect(), second.connect()]);
  // Overlapping, not identical: an identical range would also hit the reference's unique
  // index on (resource, start, end, deleted), which is not what guards overlaps.
  const firstRange: Range = { resource: 1, start: at(BOOKINGS + 3, 9 * 60), end: at(BOOKINGS + 3, 9 * 60 + HOURS * 60) };
  const secondRange: Range = { resource: 1, start: at(BOOKINGS + 3, 10 * 60), end: at(BOOKINGS + 3, 10 * 60 + HOURS * 60) };
  const lock = (client: pg.Client, requester: string, range: Range) => {
    if (strategy === "slots") return client.query("SELECT bench_ta.lock_slots($1::jsonb)", [JSON.stringify(slotsOf(range, requester))]);
    if (strategy === "select") return client.query("SELECT bench_ta.lock_select($1, $2, $3::timestamp, $4::timestamp)", [range.resource, requester, range.start.toISOString(), range.end.toISOString()]);
    return client.query(`INSERT INTO bench_ta."timeslot3" (requesterid, resourceid, date_range, deleted) VALUES ($1, $2, tsrange($3::timestamp, $4::timestamp, '[)'), false)`, [requester, range.resource, range.start.toISOString(), range.end.toISOString()]);
  };
  try {
    await first.query("BEGIN");
    await second.query("BEGIN");
    await lock(first, "probe-1", firstRange);
    const secondTry = lock(second, "probe-2", secondRange).then(() => "booked" as const, (error: unknown) => (isConflict(error) ? ("refused" as const) : `error ${(error as { code?: string }).code}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.query("COMMIT");
    const outcome = await secondTry;
    await second.query(outcome === "booked" ? "COMMIT" : "ROLLBACK");
    return outcome === "booked" ? "both booked (overlap)" : outcome === "refused" ? "second refused" : outcome;
  } finally {
    await Promise.all([first.end(), second.end()]);
  }
}

async function tableSizes(client: pg.Client) {
  const { rows } = await client.query<{ name: string; rows: string; size: string }>(`
    SELECT x.name, x.rows::text, pg_size_pretty(pg_total_relation_size(x.rel)) AS size FROM (
      SELECT 'slots' AS name, 'bench_ta."TimeSlot"'::regclass AS rel, (SELECT count(*) FROM bench_ta."TimeSlot") AS rows
      UNION ALL SELECT 'select', 'bench_ta."TimeSlot2"'::regclass, (SELECT count(*) FROM bench_ta."TimeSlot2")
      UNION ALL SELECT 'gist', 'bench_ta.timeslot3'::regclass, (SELECT count(*) FROM bench_ta.timeslot3)
      UNION ALL SELECT 'product', 'bookings'::regclass, (SELECT count(*) FROM bookings)) x`);
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), size: row.size }]));
}

// ---------------------------------------------------------------------------------------

async function loadOrders(): Promise<OrdersModule> {
  try {
    const [booking, cancel, errors] = await Promise.all([
      import("../lib/orders/reserve-booking"),
      import("../lib/orders/cancel-order"),
      import("../lib/orders/errors"),
    ]);
    return { reserveBooking: booking.reserveBooking, cancelOrder: cancel.cancelOrder, isOrderError: errors.isOrderError };
  } catch (error) {
    if (String(error).includes("server-only") || String(error).includes("Client Component")) {
      throw new Error("lib/orders is server-only: run with `tsx --conditions=react-server` (npm run bench:availability does)");
    }
    throw error;
  }
}

async function main() {
  const startedAt = new Date();
  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: RunningPostgres | undefined;
  let pool: pg.Pool | undefined;
  let client: pg.Client | undefined;
  let disconnect: (() => Promise<void>) | undefined;
  try {
    console.log(`Starting a fresh PostgreSQL in ${path.relative(process.cwd(), DATA_DIR)}…`);
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "local_tickets_availability", quiet: true });
    await applyMigrations(database.url);
    // The product's code reads its settings from the environment, like the app.
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_POOL_SIZE = String(POOL);
    // 10,000 attempts fired at once straight into lib/orders, with no admission line in front
    // (the app's line answers "busy" instead): let each wait for a pooled connection.
    process.env.DATABASE_CONNECT_TIMEOUT_MS = "120000";
    const orders = await loadOrders();
    const { prisma } = await import("../lib/db");
    disconnect = () => prisma.$disconnect();

    const db = new pg.Client({ connectionString: database.url });
    client = db;
    db.on("error", () => {});
    await db.connect();
    await db.query("CREATE SCHEMA bench_ta");
    console.log(`Filling: ${RESOURCES} resources × ${BOOKINGS} bookings of ${HOURS} h (${SLOTS_PER_BOOKING} slots each) in four implementations…`);
    const [productMs, product] = await timed(() => prefillProduct(db));
    console.log(`  product  ${(productMs / 1000).toFixed(1)} s`);
    const referenceSeconds = await prefillReference(db);
    for (const [name, seconds] of Object.entries(referenceSeconds)) console.log(`  ${name.padEnd(8)} ${seconds.toFixed(1)} s`);
    await db.query("VACUUM (ANALYZE)");
    const sizes = await tableSizes(db);

    pool = new pg.Pool({ connectionString: database.url, max: POOL, options: "-c TimeZone=UTC" });
    pool.on("error", () => {});
    const strategies = [...referenceStrategies(pool), productStrategy(orders, product.bookerIds, product.resourceIds)];

    console.log(`One at a time: ${SAMPLES} samples of book / conflict / cancel / book again per implementation…`);
    const operations = await measureOperations(strategies, 20, SAMPLES);

    const attempts = concurrentAttempts();
    const concurrent: Record<string, Awaited<ReturnType<typeof measureConcurrent>>> = {};
    for (const strategy of strategies) {
      console.log(`${CONCURRENT} concurrent attempts: ${strategy.name}…`);
      concurrent[strategy.name] = await measureConcurrent(strategy, attempts);
    }

    const overlaps = await countOverlaps(db);
    const live = await countConcurrentBookings(client, product.bookerIds);
    const probes = { slots: await raceProbe(database.url, "slots"), select: await raceProbe(database.url, "select"), gist: await raceProbe(database.url, "gist") };

    // Correctness, asserted (the SELECT strategy of the reference is reported: see the header).
    for (const name of ["product", "gist", "slots"]) {
      check(overlaps[name] === 0, `${name}: ${overlaps[name]} overlapping live bookings`);
    }
    for (const strategy of strategies) {
      check(live[strategy.name] === concurrent[strategy.name].booked, `${strategy.name}: ${concurrent[strategy.name].booked} reported booked, ${live[strategy.name]} live in the table`);
    }
    check(probes.gist === "second refused" && probes.slots === "second refused", `race probe: ${JSON.stringify(probes)}`);

    const base = operations.product;
    const names = strategies.map((strategy) => strategy.name);
    printTable(
      `One at a time: mean ms (ratio to the product), ${SAMPLES} samples each; ${RESOURCES} resources × ${BOOKINGS} bookings of ${HOURS} h`,
      ["implementation", "book", "conflict refused", "cancel", "book again", "p95 book", "rows", "table + indexes"],
      names.map((name) => {
        const figures = operations[name];
        const cell = (value: number, reference: number) => `${ms(value)} (${(value / reference).toFixed(2)})`;
        return [name, cell(figures.book.mean, base.book.mean), cell(figures.conflict.mean, base.conflict.mean), cell(figures.cancel.mean, base.cancel.mean),
          cell(figures.bookAgain.mean, base.bookAgain.mean), ms(figures.book.p95), sizes[name].rows, sizes[name].size];
      }),
    );
    printTable(
      `${CONCURRENT} concurrent booking attempts (pool of ${POOL}); latency from the start of the burst`,
      ["implementation", "wall s", "attempts/s", "ratio", "mean ms", "p95 ms", "booked", "refused", "errors", "overlaps", "race probe"],
      names.map((name) => {
        const figures = concurrent[name];
        return [name, figures.seconds, figures.attemptsPerSecond, (figures.attemptsPerSecond / concurrent.product.attemptsPerSecond).toFixed(2),
          ms(figures.latency.mean), ms(figures.latency.p95), figures.booked, figures.refused,
          Object.values(figures.errors).reduce((sum, value) => sum + value, 0), overlaps[name], name === "product" ? "(resource lock)" : probes[name as keyof typeof probes]];
      }),
    );
    if (overlaps.select > 0 || probes.select !== "second refused") {
      console.log(`\n  The reference's SELECT … FOR UPDATE strategy let ${overlaps.select} overlapping pair(s) through under concurrency: FOR UPDATE`);
      console.log("  locks only rows that exist, so two bookings of the same free range both pass (the product locks the resource row first).");
    }

    const result = {
      part: "availability",
      startedAt: startedAt.toISOString(),
      durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
      environment: { ...environment(), postgres: await postgresVersion(database.url) },
      setup: { resources: RESOURCES, bookingsPerResource: BOOKINGS, hours: HOURS, slotMinutes: SLOT_MINUTES, slotsPerBooking: SLOTS_PER_BOOKING, samples: SAMPLES, concurrent: CONCURRENT, pool: POOL },
      prefillSeconds: { product: round(productMs / 1000, 1), ...referenceSeconds },
      sizes,
      operations,
      ratiosToProduct: Object.fromEntries(
        names.map((name) => [name, {
          book: round(operations[name].book.mean / base.book.mean, 3),
          conflict: round(operations[name].conflict.mean / base.conflict.mean, 3),
          cancel: round(operations[name].cancel.mean / base.cancel.mean, 3),
          bookAgain: round(operations[name].bookAgain.mean / base.bookAgain.mean, 3),
          concurrentThroughput: round(concurrent[name].attemptsPerSecond / concurrent.product.attemptsPerSecond, 3),
        }]),
      ),
      concurrent,
      overlaps,
      liveAfterConcurrent: live,
      raceProbe: probes,
    };
    const file = writeResults("availability", startedAt, result, values.out);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await client?.end().catch(() => {});
    await pool?.end().catch(() => {});
    await disconnect?.().catch(() => {});
    // Stopping the server terminates what is still connected (57P01): Prisma's adapter pool
    // keeps idle connections after $disconnect, and has no error listener of ours.
    process.on("uncaughtException", (error) => {
      if ((error as { code?: string }).code !== "57P01") throw error;
    });
    await database?.stop();
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`Availability benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
