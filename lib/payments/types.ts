// The payment provider seam: what the shop asks of whoever takes the money. Three providers
// plug in today (lib/payments/provider.ts is the registry): Stripe, the local test-mode
// provider, and "free" for orders that cost nothing. None of them writes an order: each
// confirms through lib/orders (confirmOrderPayment, attachCheckout), which owns every change.

export const PROVIDER_NAMES = ["stripe", "local", "free"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** A pending order, as a provider needs it to take the payment. */
/** `accessToken`: a private link of the order, for a buyer without an account to come back to it. */
export type CheckoutOrder = { id: string; reference: string; totalMinor: number; currency: string; holdExpiresAt: Date; accessToken?: string };

/**
 * Money to give back: one refund row (`refundId`, the provider's idempotency key) of an order,
 * with the provider's reference for its payment (`orders.payment_ref`). `amountMinor` may be
 * less than the order's total (single tickets cancelled, a cancellation fee kept).
 */
export type ProviderRefund = { orderId: string; refundId: string; paymentRef: string | null; amountMinor: number };

export interface PaymentProvider<Name extends ProviderName = ProviderName> {
  readonly name: Name;
  /**
   * Where the buyer pays for a pending order: its checkout if one is still open (the buyer
   * left and came back), else a new one while the hold lasts. A relative URL is a page of
   * this app. Once the hold has ended and no checkout is open: OrderError `not_on_sale`.
   */
  startCheckout(order: CheckoutOrder): Promise<{ url: string }>;
  /** Gives (part of) a payment back. Idempotent per refund: the refund job may run it again. */
  refund(refund: ProviderRefund): Promise<void>;
  /** Closes a checkout once the hold has ended, so nobody pays for places given away. Harmless on a closed one. */
  expireCheckout(checkout: { orderId: string; checkoutRef: string }): Promise<void>;
}
