import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { AdminError } from "../errors";
import { ticketTypePlace } from "./question-schemas";
import type { EventInput } from "./schemas";
import { localToInstant } from "./session-times";

const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * The ticket types' price tiers are what the input says, in its order. Tiers have no id of
 * their own and nothing refers to them (an order keeps the price it paid), so they are
 * replaced whole, under the ticket type locks the caller holds.
 */
export async function writePriceTiers(tx: Tx, options: { input: EventInput; typeIds: string[][]; timeZone: string }): Promise<void> {
  const { input, typeIds, timeZone } = options;
  const all = typeIds.flat();
  if (all.length > 0) await tx.$executeRaw`DELETE FROM price_tiers WHERE ticket_type_id = ANY(${all}::uuid[])`;
  const rows = input.sessions.flatMap((session, i) =>
    session.ticketTypes.flatMap((type, j) =>
      type.tiers.map((tier, sortOrder) => ({
        typeId: typeIds[i][j],
        price: tier.price,
        until: tier.until === undefined ? null : localToInstant(tier.until, timeZone),
        untilTaken: tier.untilTaken ?? null,
        sortOrder,
      })),
    ),
  );
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO price_tiers (ticket_type_id, price_minor, until, until_taken, sort_order)
    SELECT * FROM unnest(${rows.map((row) => row.typeId)}::uuid[], ${rows.map((row) => row.price)}::int[], ${rows.map((row) => row.until)}::timestamptz[],
                         ${rows.map((row) => row.untilTaken)}::int[], ${rows.map((row) => row.sortOrder)}::int[])`;
}

/**
 * The sessions' shared capacities (quotas) are what the input says: kept ones updated by id,
 * new ones inserted, the rest deleted, each covering the ticket types it names. Then, under
 * each quota's row lock (taken after the ticket types', docs/decisions/0002, as the commit
 * takes them), its capacity may not be below what its types have taken (sold + held): the
 * caller holds the ticket type locks, so no purchase moves those figures meanwhile.
 */
export async function writeQuotas(tx: Tx, options: { eventId: string; input: EventInput; typeIds: string[][]; sessionIds: string[] }): Promise<void> {
  const { eventId, input, typeIds, sessionIds } = options;
  const existing = await tx.$queryRaw<{ id: string; session_id: string }[]>`
    SELECT q.id, q.session_id FROM quotas q JOIN event_sessions s ON s.id = q.session_id
     WHERE s.event_id = ${eventId}::uuid ORDER BY q.id FOR UPDATE OF q`;
  const sessionOf = new Map(existing.map((quota) => [quota.id, quota.session_id]));
  const foreign: Record<string, string> = {};
  input.sessions.forEach((session, i) =>
    session.quotas.forEach((quota, k) => {
      if (quota.id && sessionOf.get(quota.id) !== sessionIds[i]) foreign[`sessions.${i}.quotas.${k}.id`] = "Not a shared capacity of this session (reload the page)";
    }),
  );
  if (Object.keys(foreign).length > 0) throw new AdminError("validation_failed", CHECK_FIELDS, foreign);

  const kept = new Set(input.sessions.flatMap((session) => session.quotas.flatMap((quota) => (quota.id ? [quota.id] : []))));
  const removed = existing.filter((quota) => !kept.has(quota.id)).map((quota) => quota.id);
  if (removed.length > 0) await tx.$executeRaw`DELETE FROM quotas WHERE id = ANY(${removed}::uuid[])`;

  const written: { id: string; path: string }[] = [];
  for (const [i, session] of input.sessions.entries()) {
    for (const [k, quota] of session.quotas.entries()) {
      let quotaId = quota.id;
      if (quotaId) {
        await tx.$executeRaw`UPDATE quotas SET name = ${quota.name}, capacity = ${quota.capacity} WHERE id = ${quotaId}::uuid`;
        await tx.$executeRaw`DELETE FROM quota_ticket_types WHERE quota_id = ${quotaId}::uuid`;
      } else {
        const [created] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO quotas (session_id, name, capacity) VALUES (${sessionIds[i]}::uuid, ${quota.name}, ${quota.capacity}) RETURNING id`;
        quotaId = created.id;
        // A new quota is locked too: the commit must not count against it before it is whole.
        await tx.$queryRaw`SELECT id FROM quotas WHERE id = ${quotaId}::uuid FOR UPDATE`;
      }
      const covered = quota.ticketTypes.map((ref) => ticketTypePlace(input.sessions, ref)!).map((place) => typeIds[place.session][place.type]);
      await tx.$executeRaw`INSERT INTO quota_ticket_types (quota_id, ticket_type_id) SELECT ${quotaId}::uuid, unnest(${covered}::uuid[])`;
      written.push({ id: quotaId, path: `sessions.${i}.quotas.${k}.capacity` });
    }
  }
  if (written.length === 0) return;

  const figures = await tx.$queryRaw<{ id: string; capacity: number; sold: number; held: number }[]>`
    SELECT q.id, q.capacity, coalesce(sum(tt.sold), 0)::int AS sold, coalesce(sum(tt.held), 0)::int AS held
      FROM quotas q LEFT JOIN quota_ticket_types qt ON qt.quota_id = q.id LEFT JOIN ticket_types tt ON tt.id = qt.ticket_type_id
     WHERE q.id = ANY(${written.map((quota) => quota.id)}::uuid[])
     GROUP BY q.id, q.capacity`;
  const byId = new Map(figures.map((row) => [row.id, row]));
  const errors: Record<string, string> = {};
  for (const quota of written) {
    const row = byId.get(quota.id);
    if (row && row.capacity < row.sold + row.held) {
      errors[quota.path] = `Its ticket types have ${row.sold} sold and ${row.held} held right now: the shared capacity can't go below ${row.sold + row.held}`;
    }
  }
  if (Object.keys(errors).length > 0) throw new AdminError("validation_failed", CHECK_FIELDS, errors);
}
