// Who may do what: the one access policy. Pages, actions, JSON routes and components ask it;
// no other file compares a role or a token's scope. Pure (no database, no "server-only"):
// the callers load the facts (the stored role, the staff grants, the order's owner) and hand
// them in, so a component may ask too and every rule is tested without a database
// (policy.test.ts). Hosts with their own events will change this file, and the actor grows
// with them (its host memberships), not the sites that ask.

export type Role = "attendee" | "admin";

/**
 * Who is asking, as a value. `verifiedEmail`: the account's email once its owner proved it
 * (a link sent to it was used); guest orders made with that email are then theirs too.
 */
export type Actor = { userId: string; role: Role; verifiedEmail?: string | null };

/** What a personal API token may do: `read` only reads; `write` may also buy and pay; `check_in` only checks tickets in at the door. */
export const API_TOKEN_SCOPES = ["read", "write", "check_in"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** What a request through a token does: reads, changes things (buy, pay), or checks a ticket in at the door. */
export type TokenUse = "read" | "write" | "check_in";

/** The actor of a signed-in user (or of nobody). */
export function actorOf(user: { id: string; role: Role; email?: string; emailVerified?: boolean } | null | undefined): Actor | null {
  return user ? { userId: user.id, role: user.role, verifiedEmail: user.emailVerified && user.email ? user.email.toLowerCase() : null } : null;
}

/** The admin dashboard, its JSON routes and everything they change: admins only. */
export function canAdminister(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return actor?.role === "admin";
}

/**
 * An order (its page, its confirmation, its tickets): its buyer's account, the account that
 * verified the email a guest order was made with, admins, and whoever holds one of its private
 * links (`withAccessLink`: checked by lib/orders/order-access.ts).
 */
export function canViewOrder(actor: Actor | null | undefined, order: { userId: string | null; buyerEmail?: string }, options: { withAccessLink?: boolean } = {}): boolean {
  if (options.withAccessLink) return true;
  if (!actor) return false;
  if (order.userId === null && actor.verifiedEmail && order.buyerEmail === actor.verifiedEmail) return true;
  return order.userId === actor.userId || canAdminister(actor);
}

/**
 * Who a ticket is for (its holder): whoever may see the order may change it, until the event's
 * cutoff (the buyer, by account or private link, and admins helping them). The new holder gets
 * only their ticket, never the order.
 */
export function canChangeTicketHolder(actor: Actor | null | undefined, order: { userId: string | null; buyerEmail?: string }, options: { withAccessLink?: boolean } = {}): boolean {
  return canViewOrder(actor, order, options);
}

/**
 * Who may cancel an order under its event's policy (issue 29.1): whoever may manage it, the
 * buyer by account or private link, and admins helping them.
 */
export function canCancelOrder(actor: Actor | null | undefined, order: { userId: string | null; buyerEmail?: string }, options: { withAccessLink?: boolean } = {}): boolean {
  return canViewOrder(actor, order, options);
}

/**
 * A ticket someone else bought and handed on (issue 29.2): its holder sees it (that one ticket,
 * never the order) once their account has verified the email it was given to; admins too.
 */
export function canViewHeldTicket(actor: Actor | null | undefined, ticket: { holderEmail: string | null }): boolean {
  if (!actor) return false;
  if (canAdminister(actor)) return true;
  return actor.verifiedEmail !== null && ticket.holderEmail !== null && ticket.holderEmail.toLowerCase() === actor.verifiedEmail;
}

/**
 * The events `actor` may check tickets in for, from their staff grants (a grant without an
 * event is for every event): "all" for admins and all-event staff, the granted events, or
 * null for anyone else.
 */
export function checkInScope(actor: Actor | null | undefined, grants: readonly { eventId: string | null }[]): "all" | string[] | null {
  if (!actor) return null;
  if (canAdminister(actor)) return "all";
  if (grants.length === 0) return null;
  if (grants.some((grant) => grant.eventId === null)) return "all";
  return grants.map((grant) => grant.eventId!);
}

/** May `actor` check tickets in at a session of `eventId`? */
export function canCheckIn(actor: Actor | null | undefined, grants: readonly { eventId: string | null }[], eventId: string): boolean {
  const scope = checkInScope(actor, grants);
  return scope === "all" || (scope !== null && scope.includes(eventId));
}

/**
 * The dev outbox (emails written instead of sent): anyone while it is open (no email
 * provider and not production: `outboxOpen`, lib/email/outbox-access.ts), else admins.
 */
export function canReadOutbox(actor: Pick<Actor, "role"> | null | undefined, outboxOpen: boolean): boolean {
  return outboxOpen || canAdminister(actor);
}

/**
 * May a token of `scope` be used for `use`? A `check_in` token checks tickets in and does
 * nothing else, and only it is taken at the door (besides the session); a read token reads;
 * a write token reads and writes. A read-only token that leaks lets its holder read orders, not spend.
 */
export function canUseTokenScope(scope: ApiTokenScope, use: TokenUse): boolean {
  if (use === "check_in" || scope === "check_in") return use === scope;
  return use === "read" || scope === "write";
}

/** Minting and revoking tokens takes the session: a leaked token must not be able to entrench itself. */
export function canManageTokens(via: "session" | "token"): boolean {
  return via === "session";
}
