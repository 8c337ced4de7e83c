import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { registerDbPool } from "./ops/db-pool";

export function createPrismaClient(databaseUrl: string, poolSize: number): PrismaClient {
  // Our own Pool (not one the adapter makes) so /api/metrics can report its usage.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  registerDbPool(pool);
  const adapter = new PrismaPg(pool);
  return new PrismaClient({ adapter });
}

// One client per process, created on first use (so `next build` never needs a database).
// Kept on globalThis because Next's hot reload re-evaluates modules in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, or set it.");
    globalForPrisma.prisma = createPrismaClient(url, env().DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
