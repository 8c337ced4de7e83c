import "server-only";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { queryAnalytics, type Analytics } from "./analytics-sql";
import { parseDateRange } from "./range";

/** The dashboard's figures for a `from`/`to` query (YYYY-MM-DD, UTC days); admins only. */
export async function getAnalytics(options: { actor: Actor | null; query: { from?: unknown; to?: unknown }; now?: Date }): Promise<{ analytics: Analytics; rangeError: string | null }> {
  await assertAdmin(options.actor);
  const { range, error } = parseDateRange(options.query, options.now);
  // Figures over days tolerate a replica a few seconds behind.
  return { analytics: await lagTolerantRead((db) => queryAnalytics(db, range)), rangeError: error };
}
