// The pg Pool behind Prisma, when lib/db.ts hands it over, for the pool gauges of
// /api/metrics. Its own module (no imports) so lib/db.ts can call it without a cycle.
import type { Pool } from "pg";

const state = globalThis as unknown as { __dbPool?: Pool };

export function registerDbPool(pool: Pool): void {
  state.__dbPool = pool;
}

export function registeredDbPool(): Pool | undefined {
  return state.__dbPool;
}
