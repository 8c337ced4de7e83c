// The demo's box office (issue 28): a promo code, an access code that opens a members'
// presale (a hidden ticket type), and an early-bird price tier, so a new user can try each.
// Rows only; seed-demo.ts writes them with everything else.

/** Codes of the demo, for tests and the README. */
export const DEMO_CODES = {
  /** 10% off every Lisbon event, 500 uses. */
  promo: "LISBOA10",
  /** Reveals the members' presale of the Spreehalle Indie Night (a hidden ticket type), 200 uses. */
  presale: "SPREE-MEMBERS",
} as const;

/** The hidden type the presale code reveals, by event slug and English name. */
export const DEMO_PRESALE = { slug: "spreehalle-indie-night", typeName: "Members' presale" } as const;
/** An early price until 30 places are taken, by event slug and English name of the type. */
export const DEMO_EARLY_TIER = { slug: "hackney-folk-club", typeName: "General admission", priceMinor: 1000, untilTaken: 30 } as const;

/**
 * Cancellation policies other than the default (free until 24 hours before), by event slug
 * (issue 29.1): a tile workshop and a cooking class that keep a fee, a festival that refunds
 * nothing, a sailing trip free until two days before.
 */
export const DEMO_CANCELLATION: Record<string, { cancellationPolicy: "none" | "free" | "fee"; cancellationCutoffHours: number; cancellationFeePercent: number }> = {
  "azulejo-tile-painting": { cancellationPolicy: "fee", cancellationCutoffHours: 48, cancellationFeePercent: 15 },
  "catalan-cooking-class-with-marta": { cancellationPolicy: "fee", cancellationCutoffHours: 72, cancellationFeePercent: 20 },
  "hackney-wick-warehouse-festival": { cancellationPolicy: "none", cancellationCutoffHours: 24, cancellationFeePercent: 0 },
  "tagus-sunset-sailing-trip": { cancellationPolicy: "free", cancellationCutoffHours: 48, cancellationFeePercent: 0 },
};

export function demoBoxOfficeRows(options: {
  id: (name: string) => string;
  eventId: (slug: string) => string;
  lisbonEventIds: string[];
  typeIds: (slug: string, name: string) => string[];
}) {
  const vouchers = [
    {
      id: options.id(`voucher:${DEMO_CODES.promo}`), code: DEMO_CODES.promo, kind: "percent_off" as const, value: 10, maxUses: 500,
      eventIds: options.lisbonEventIds, tag: "demo", note: "10% off in Lisbon", createdBy: "demo",
    },
    {
      id: options.id(`voucher:${DEMO_CODES.presale}`), code: DEMO_CODES.presale, kind: "percent_off" as const, value: 0, maxUses: 200,
      eventIds: [options.eventId(DEMO_PRESALE.slug)], revealsHidden: true, tag: "demo", note: "Members' presale", createdBy: "demo",
    },
  ];
  const priceTiers = options.typeIds(DEMO_EARLY_TIER.slug, DEMO_EARLY_TIER.typeName).map((ticketTypeId) => ({
    id: options.id(`tier:${ticketTypeId}`), ticketTypeId, priceMinor: DEMO_EARLY_TIER.priceMinor, untilTaken: DEMO_EARLY_TIER.untilTaken, sortOrder: 0,
  }));
  return { vouchers, priceTiers };
}
