import "server-only";
import { sql } from "@/lib/db";

/**
 * The places an open waiting-list offer holds for the holder of voucher `voucherId`, by ticket
 * type ({} when it is no offer): the buy panel counts them as there for that buyer, as the commit
 * does (waitlist_offer_places).
 */
export async function offeredPlaces(voucherId: string): Promise<Record<string, number>> {
  const rows = await sql<{ ticket_type_id: string; quantity: number }>`
    SELECT ticket_type_id, quantity FROM waitlist_entries WHERE voucher_id = ${voucherId}::uuid AND status = 'offered'`;
  return Object.fromEntries(rows.map((row) => [row.ticket_type_id, row.quantity]));
}
