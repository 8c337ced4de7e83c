import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { causeChain, isDatabaseBusy } from "@/lib/errors/database";
import { childLogger } from "@/lib/log";
import { PrismaClient } from "../generated/prisma/client";
import { createPool } from "./pool";

// Reads that tolerate a little lag (listing, search, event and place pages, feeds, analytics)
// go to a streaming replica when DATABASE_READ_URL is set (docs/decisions/0016). Everything
// that decides or shows what a buyer just did (a purchase, a booking, check-in, a buyer's
// own orders) keeps reading the primary through `prisma`: it never comes here.
//
// The replica is used only while it is known to be usable: it answered, and it is no further
// behind than DATABASE_READ_MAX_LAG_SECONDS. Each process checks at most once a second, in the
// background (a request never waits for a check, except the first read of a process), and a
// read that fails on the replica is run again on the primary at once.

const log = childLogger({ module: "read-replica" });

/** How often a process asks the replica how far behind it is; a replica that is down is asked less often. */
const CHECK_EVERY_MS = 1_000;
const CHECK_DOWN_EVERY_MS = 5_000;
/** A replica that does not answer this fast is treated as away (reads go to the primary meanwhile). */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

export type ReplicaHealth = { usable: boolean; lagSeconds: number | null; reason?: string };

type Replica = { url: string; pool: pg.Pool; client: PrismaClient };
type State = { replica?: Replica; health?: ReplicaHealth; checkedAt: number; checking?: Promise<ReplicaHealth> };

// On globalThis: Next's hot reload re-evaluates modules, and the pool must not be made twice.
const globalState = globalThis as unknown as { __readReplica?: State };
const state: State = (globalState.__readReplica ??= { checkedAt: 0 });

function replica(): Replica | undefined {
  const settings = env();
  const url = settings.DATABASE_READ_URL;
  if (!url) return undefined;
  if (state.replica?.url !== url) {
    // A pool of its own (never the registered primary pool that lib/db.ts's `sql` uses).
    const pool = createPool(url, {
      size: settings.DATABASE_POOL_SIZE,
      connectTimeoutMs: Math.min(settings.DATABASE_CONNECT_TIMEOUT_MS, REPLICA_CONNECT_TIMEOUT_MS),
      statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
      applicationName: "local-tickets-reads",
    });
    const old = state.replica;
    state.replica = { url, pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
    state.health = undefined;
    state.checkedAt = 0;
    void old?.pool.end().catch(() => {});
  }
  return state.replica;
}

/**
 * How far behind the replica is: none when it has replayed the primary's current WAL
 * position; otherwise the time since the last transaction it replayed was committed (the
 * primary's clock), which keeps growing while replay is stuck or paused. A server that is not
 * in recovery (DATABASE_READ_URL names a primary) is never behind.
 */
async function measureLag(target: Replica): Promise<number> {
  const [{ lsn }] = await prisma.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  const [row] = await target.pool.query<{ standby: boolean; caught_up: boolean | null; since_replay: number | null }>(
    `SELECT pg_is_in_recovery() AS standby,
            pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up,
            extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 AS since_replay`,
    [lsn],
  ).then((result) => result.rows);
  if (!row.standby || row.caught_up) return 0;
  return row.since_replay ?? Number.POSITIVE_INFINITY;
}

/** Asks the replica now and remembers the answer (the background check; tests and start-up await it). */
export async function checkReadReplica(): Promise<ReplicaHealth | null> {
  const target = replica();
  if (!target) return null;
  state.checking ??= (async () => {
    const bound = env().DATABASE_READ_MAX_LAG_SECONDS;
    let health: ReplicaHealth;
    try {
      const lagSeconds = await measureLag(target);
      health = lagSeconds <= bound ? { usable: true, lagSeconds } : { usable: false, lagSeconds, reason: `more than ${bound} s behind` };
    } catch (error) {
      health = { usable: false, lagSeconds: null, reason: (error as Error).message };
    }
    if (health.usable !== state.health?.usable) {
      if (health.usable) log.info({ lagSeconds: health.lagSeconds }, "reading from the replica");
      else log.warn({ reason: health.reason }, "the replica is skipped: reads go to the primary");
    }
    state.health = health;
    state.checkedAt = Date.now();
    return health;
  })().finally(() => {
    state.checking = undefined;
  });
  return state.checking;
}

async function usableReplica(): Promise<Replica | undefined> {
  const target = replica();
  if (!target) return undefined;
  const every = state.health?.usable === false ? CHECK_DOWN_EVERY_MS : CHECK_EVERY_MS;
  if (Date.now() - state.checkedAt >= every) {
    const checking = checkReadReplica();
    // Only a process's first read waits: after that, a stale answer is at most a second old.
    if (!state.health) await checking;
  }
  return state.health?.usable ? target : undefined;
}

/** The replica's fault, not the read's: it is away or busy, or replay cancelled the query. */
function replicaFailed(error: unknown): boolean {
  return isDatabaseBusy(error) || causeChain(error).some((layer) => /conflict with recovery/i.test(String((layer as { message?: unknown }).message)));
}

/**
 * Runs a read that tolerates a little lag on the replica when it is usable, else on the
 * primary. A read that fails on the replica (it went away, a recovery conflict cancelled
 * it) is run on the primary at once, and the replica is asked again before it is used.
 */
export async function lagTolerantRead<T>(read: (db: PrismaClient) => Promise<T>): Promise<T> {
  const target = await usableReplica();
  if (!target) return read(prisma);
  try {
    return await read(target.client);
  } catch (error) {
    if (!replicaFailed(error)) throw error;
    log.warn({ err: error }, "a read failed on the replica; running it on the primary");
    state.health = { usable: false, lagSeconds: null, reason: (error as Error).message };
    state.checkedAt = 0;
    return read(prisma);
  }
}

export class ReplicaUnreachableError extends Error {}

/** At start: with DATABASE_READ_URL set, the replica answers, or one line naming the setting. */
export async function checkReadReplicaAtStart(): Promise<void> {
  const target = replica();
  if (!target) return;
  try {
    await target.pool.query("SELECT 1");
  } catch (error) {
    let where = "an unparseable URL";
    try {
      const url = new URL(target.url);
      where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    } catch {}
    throw new ReplicaUnreachableError(`DATABASE_READ_URL: cannot connect to the read replica at ${where} (${(error as Error).message}). Fix DATABASE_READ_URL, or unset it to read from the primary.`);
  }
  await checkReadReplica();
}
