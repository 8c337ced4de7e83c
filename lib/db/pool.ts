import "server-only";
import pg from "pg";
import { childLogger } from "@/lib/log";

// The app's one pg Pool (Prisma's adapter and lib/db.ts's `sql` share it). What it promises
// when the database goes away (a restart, a failover, a network that drops or hangs):
//  - the process never crashes: an idle connection that dies emits `error` on the pool,
//    and an EventEmitter with no listener for `error` throws. Prisma's adapter adds one only
//    once Prisma has connected; `sql` can run first;
//  - a dead connection is dropped at once, never handed out again: pg-pool discards a
//    client whose socket failed (and `pool.query` one whose query failed), TCP keepalive
//    finds a peer that vanished without a word, and GuardedClient below closes a connection
//    whose query timed out on our side (the server may answer it late, or never: a
//    half-open connection), which Prisma's adapter would otherwise give back to the pool
//    as if healthy (`release()` without an error after a failed transaction);
//  - every wait is bounded: connecting and waiting for a free connection
//    (connectionTimeoutMillis), each statement on the server (statement_timeout, lock waits
//    included), and on the client a statement whose answer never comes (query_timeout).

const log = childLogger({ module: "db" });

export type PoolSettings = { size: number; connectTimeoutMs: number; statementTimeoutMs: number; applicationName?: string };

/** The client gives up on an answer this long after the server would have cancelled the statement. */
export const QUERY_TIMEOUT_MARGIN_MS = 2_000;
/** First keepalive probe after this much silence; the kernel then probes about once a second. */
const KEEPALIVE_IDLE_MS = 10_000;

/** pg's own message when query_timeout fires (lib/pg/client.js). */
export const QUERY_TIMEOUT_MESSAGE = "Query read timeout";

/**
 * A pg.Client that closes its connection as soon as one of its queries times out on the
 * client side. The timed-out query is still the connection's current one (pg cannot cancel
 * it without the server), so anything sent next would wait behind it: close now, so the
 * ROLLBACK that follows fails at once and the pool discards the client (`_ending`).
 */
class GuardedClient extends pg.Client {
  // pg's query() has a dozen overloads; this passes every call through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const callback = typeof args.at(-1) === "function" ? (args.pop() as (error: Error | null, result?: any) => void) : null;
    if (callback) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args, (error: Error | null, result: unknown) => {
        if (error) this.closeIfStuck(error);
        callback(error, result);
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      // Registered before the caller's own handlers: the client is closed before they run.
      (result as Promise<unknown>).catch((error: Error) => this.closeIfStuck(error));
    }
    return result;
  }

  private closeIfStuck(error: Error): void {
    if (error?.message !== QUERY_TIMEOUT_MESSAGE) return;
    log.warn("a query got no answer in time; closing its connection");
    this.end().catch(() => {});
  }
}

export function createPool(databaseUrl: string, settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    Client: GuardedClient,
    max: settings.size,
    // Also bounds the wait for a free pooled connection: a database that stops answering,
    // or a pool that cannot keep up, fails fast (lib/errors/database.ts calls it "busy") instead of
    // holding the request for a minute.
    connectionTimeoutMillis: settings.connectTimeoutMs,
    // No statement runs longer, lock waits included; the server cancels it (SQLSTATE 57014).
    statement_timeout: settings.statementTimeoutMs,
    // A transaction left open by a crashed request must not hold its row locks for long.
    idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs * 2, 30_000),
    // And the client gives up on a server that does not answer at all (network gone, half-open).
    query_timeout: settings.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
    ...(settings.applicationName ? { application_name: settings.applicationName } : {}),
  });
  // pg-pool has already removed the client; the next checkout opens a new connection.
  pool.on("error", (error) => log.warn({ err: error }, "an idle database connection was lost; it will be replaced"));
  return pool;
}
