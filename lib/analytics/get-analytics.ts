import "server-only";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { scopedEventIds } from "@/lib/admin/host-scope";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { queryAnalytics, type Analytics } from "./analytics-sql";
import { parseDateRange } from "./range";

/** The dashboard's figures for a `from`/`to` query (YYYY-MM-DD, UTC days): the platform's, or a host's own. */
export async function getAnalytics(options: { actor: Actor | null; query: { from?: unknown; to?: unknown }; now?: Date }): Promise<{ analytics: Analytics; rangeError: string | null }> {
  const actor = await assertAdmin(options.actor);
  const { range, error } = parseDateRange(options.query, options.now);
  const scope = { eventIds: await scopedEventIds(actor), hostIds: actor.scope };
  // Figures over days tolerate a replica a few seconds behind.
  return { analytics: await lagTolerantRead((db) => queryAnalytics(db, range, { scope })), rangeError: error };
}
