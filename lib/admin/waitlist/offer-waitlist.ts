import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "../audit";
import { assertAdmin, type Actor } from "../authorize";
import { AdminError } from "../errors";
import { assertRowInScope } from "../host-scope";

// An admin's hand on the waiting list (issue 29.3), each audited on the event in the same
// transaction: offer a type's free places down the line now (after raising its capacity, say,
// or when places of a shared quota came back through another type), or send one entry an offer
// out of turn when its places are free.

/** Runs waitlist_offer_freed for ticket type `ticketTypeId`; returns the offers made. */
export async function offerFreePlacesNow(options: { actor: Actor | null; ticketTypeId: string }): Promise<number> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.ticketTypeId)) throw new AdminError("not_found", "No such ticket type");
  return inTransaction(async (tx) => {
    const [type] = await tx.$queryRaw<{ event_id: string }[]>`
      SELECT s.event_id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = ${options.ticketTypeId}::uuid FOR UPDATE OF tt`;
    if (!type) throw new AdminError("not_found", "No such ticket type");
    await assertRowInScope(actor, "event", type.event_id, "No such ticket type");
    const [{ made }] = await tx.$queryRaw<{ made: number }[]>`SELECT waitlist_offer_freed(${options.ticketTypeId}::uuid) AS made`;
    await writeAudit(tx, { actor, action: "waitlist.offer_free_places", entityType: "event", entityId: type.event_id, after: { ticketTypeId: options.ticketTypeId, offers: made } });
    return made;
  });
}

type HandAnswer =
  | { ok: true; voucherId?: string; bookingId?: string }
  | { ok: false; code: "not_found" | "closed" | "no_places" | "not_on_sale"; status?: string; available?: number };

/** Sends waiting entry `entryId` an offer now, out of turn, when its places (or its time range, docs/decisions/0021) are free. */
export async function offerToEntry(options: { actor: Actor | null; entryId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.entryId)) throw new AdminError("not_found", "No such entry");
  await inTransaction(async (tx) => {
    const [owner] = await tx.$queryRaw<{ event_id: string; range: boolean }[]>`SELECT event_id, resource_id IS NOT NULL AS range FROM waitlist_entries WHERE id = ${options.entryId}::uuid`;
    if (!owner) throw new AdminError("not_found", "No such entry");
    await assertRowInScope(actor, "event", owner.event_id, "No such entry");
    const [{ result }] = await tx.$queryRaw<{ result: HandAnswer }[]>`SELECT waitlist_offer_by_hand(${options.entryId}::uuid) AS result`;
    if (!result.ok) {
      if (result.code === "not_found") throw new AdminError("not_found", "No such entry");
      if (result.code === "closed") throw new AdminError("conflict", `This entry is ${result.status}: only a waiting one can get an offer`);
      if (result.code === "not_on_sale") throw new AdminError("conflict", "That time has begun, or the event is not on sale: no offer can be made");
      if (owner.range) throw new AdminError("capacity", "That time is still booked (or held for someone else): an offer can be sent once it is free");
      throw new AdminError("capacity", `Only ${result.available} free places: raise the capacity first`);
    }
    const [entry] = await tx.$queryRaw<{ event_id: string; email: string; quantity: number }[]>`
      SELECT event_id, email, quantity FROM waitlist_entries WHERE id = ${options.entryId}::uuid`;
    await writeAudit(tx, { actor, action: "waitlist.offer", entityType: "event", entityId: entry.event_id, after: { entryId: options.entryId, email: entry.email, quantity: entry.quantity } });
  });
}
