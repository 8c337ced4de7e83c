import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin, type Actor } from "../authorize";
import { hostSql } from "../host-scope";

export type OrderSearchRow = {
  id: string;
  reference: string;
  status: string;
  total_minor: number;
  currency: string;
  created_at: Date;
  paid_at: Date | null;
  email: string;
  name: string;
  event_title: string | null;
};

/**
 * Orders by reference (exact, any case, "LT-" optional) or by the buyer's email (exact, or
 * the start of it), newest first. Both are index lookups: orders_reference_key and
 * users_email_pattern_idx, then orders_user_id_created_at_idx.
 */
export async function findOrders(options: { actor: Actor | null; q: string; limit?: number }): Promise<OrderSearchRow[]> {
  const actor = await assertAdmin(options.actor);
  const inScope = hostSql(actor, Prisma.sql`e.host_id`);
  const q = options.q.trim().slice(0, 254);
  if (q.length === 0) return [];
  const limit = Math.min(100, options.limit ?? 50);
  const found: OrderSearchRow[] = [];
  if (/^(LT-)?[0-9A-Z]{8}$/i.test(q)) {
    const reference = q.toUpperCase().startsWith("LT-") ? q.toUpperCase() : `LT-${q.toUpperCase()}`;
    found.push(
      ...(await prisma.$queryRaw<OrderSearchRow[]>`
        SELECT o.id, o.reference, o.status::text AS status, o.total_minor, o.currency, o.created_at, o.paid_at, u.email, u.name, e.title AS event_title
          FROM orders o
          JOIN users u ON u.id = o.user_id
          JOIN events e ON e.id = o.event_id
         WHERE o.reference = ${reference} AND ${inScope}`),
    );
  }
  if (!/^LT-/i.test(q)) {
    const email = q.toLowerCase();
    // A prefix needs a few characters to mean something; shorter input must match exactly.
    const pattern = email.length >= 3 ? `${email.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : email.replace(/[\\%_]/g, (c) => `\\${c}`);
    found.push(
      ...(await prisma.$queryRaw<OrderSearchRow[]>`
        SELECT o.id, o.reference, o.status::text AS status, o.total_minor, o.currency, o.created_at, o.paid_at, u.email, u.name, e.title AS event_title
          FROM users u
          JOIN orders o ON o.user_id = u.id
          JOIN events e ON e.id = o.event_id
         WHERE u.email LIKE ${pattern} AND ${inScope}
         ORDER BY (u.email = ${email}) DESC, o.created_at DESC
         LIMIT ${limit}`),
    );
  }
  const seen = new Set<string>();
  return found.filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit);
}

/** The most recent orders, for the orders page before anything is searched. */
export async function listRecentOrders(options: { actor: Actor | null; limit?: number }): Promise<OrderSearchRow[]> {
  const actor = await assertAdmin(options.actor);
  return prisma.$queryRaw<OrderSearchRow[]>`
    SELECT o.id, o.reference, o.status::text AS status, o.total_minor, o.currency, o.created_at, o.paid_at, u.email, u.name, e.title AS event_title
      FROM (SELECT o.* FROM orders o JOIN events e ON e.id = o.event_id WHERE ${hostSql(actor, Prisma.sql`e.host_id`)}
             ORDER BY o.created_at DESC LIMIT ${Math.min(100, options.limit ?? 20)}) o
      JOIN users u ON u.id = o.user_id
      JOIN events e ON e.id = o.event_id
     ORDER BY o.created_at DESC`;
}
