import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db/transaction";
import { basisPointsOfMinor, formatMoney } from "@/lib/money";

// The one rule for setting a fee (docs/decisions/0020): a fee that would take more than a
// host's cheapest paid place is refused when it is set, whether it is the host's own fee
// (host-fee.ts) or the platform's default that the host uses (platform-fee.ts). A place
// priced later below it is still charged at most its total (platform_fee_minor caps).

/** A whole number field of a fee form; empty: null. */
export const optionalWhole = (max: number, label: string) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : Number(value)),
    z.number({ error: `${label} must be a whole number` }).int(`${label} must be a whole number`).min(0, `${label} cannot be negative`).max(max, `${label} is at most ${max}`).nullable());

export const PERCENT_BP_MAX = 10_000;
export const FIXED_MINOR_MAX = 1_000_000;

/** The host's cheapest paid place (a ticket type or a bookable slot) of an event not cancelled, or null. */
async function cheapestPaidPlace(tx: Tx, hostId: string): Promise<{ price_minor: number; currency: string } | null> {
  const [place] = await tx.$queryRaw<{ price_minor: number; currency: string }[]>`
    SELECT price_minor, currency FROM (
      SELECT tt.price_minor, tt.currency FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
       WHERE e.host_id = ${hostId}::uuid AND e.status <> 'cancelled' AND tt.price_minor > 0
      UNION ALL
      SELECT r.price_minor_per_slot, r.currency FROM resources r JOIN events e ON e.id = r.event_id
       WHERE e.host_id = ${hostId}::uuid AND e.status <> 'cancelled' AND r.price_minor_per_slot > 0) p
     ORDER BY price_minor LIMIT 1`;
  return place ?? null;
}

/**
 * Why `percentBp` + `fixedMinor` per place may not be the fee of `hostId` (a sentence naming its
 * cheapest ticket), or null when it fits.
 */
export async function feeRefusal(tx: Tx, hostId: string, percentBp: number, fixedMinor: number): Promise<{ message: string; price: string } | null> {
  const place = await cheapestPaidPlace(tx, hostId);
  // Uncapped on purpose: the cap at the total is for payments, not a licence to set a fee above the price.
  const onOnePlace = place ? basisPointsOfMinor(place.price_minor, percentBp) + fixedMinor : 0;
  if (!place || onOnePlace <= place.price_minor) return null;
  const currency = place.currency.trim();
  const price = formatMoney(place.price_minor, currency);
  return { message: `This fee would take ${formatMoney(onOnePlace, currency)} of a ${price} ticket, more than its price`, price };
}

/** "5 % + 30 cents per ticket": a fee as the Payouts pages say it. */
export function describeFee(percentBp: number, fixedMinor: number): string {
  return `${percentBp / 100} %${fixedMinor ? ` + ${fixedMinor} cents per ticket` : ""}`;
}

/** The fee a host pays: its own parts, the platform's for the parts it has none of; `own` when any part is its own. */
export type HostFeeTerms = { percentBp: number; fixedMinor: number; own: boolean };

export function feeTermsOf(host: { feePercentBp: number | null; feeFixedMinor: number | null }, settings: { feePercentBp: number; feeFixedMinor: number }): HostFeeTerms {
  return { percentBp: host.feePercentBp ?? settings.feePercentBp, fixedMinor: host.feeFixedMinor ?? settings.feeFixedMinor, own: host.feePercentBp !== null || host.feeFixedMinor !== null };
}
