// Who an order is for, as a value the quote and the commit take (never a user id threaded
// through every function). Today a buyer is an account; a buyer who is just an email joins
// this union with guest checkout, and the commit's per-buyer lock and hold limit follow it.

export type Buyer = { kind: "account"; userId: string };

export function accountBuyer(userId: string): Buyer {
  return { kind: "account", userId };
}
