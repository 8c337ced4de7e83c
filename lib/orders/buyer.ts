// Who an order is for, as a value the quote and the commit take (never a user id threaded
// through every function): an account, or a guest who is just an email and a name (issue 27).
// The commit keeps the buyer's email and name on the order; the per-buyer lock, hold limit and
// request keys go by that email, whichever kind of buyer it is.
import { z } from "zod";

export type Buyer = { kind: "account"; userId: string } | { kind: "guest"; email: string; name: string };

export function accountBuyer(userId: string): Buyer {
  return { kind: "account", userId };
}

/** What a guest gives at checkout: an email the tickets go to, and a name for them. */
export const ZGuestBuyer = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter the email the tickets go to" }).max(254, "That email is too long")),
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
});

export function guestBuyer(input: z.output<typeof ZGuestBuyer>): Buyer {
  return { kind: "guest", email: input.email, name: input.name };
}
