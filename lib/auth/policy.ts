// Who may do what: the one access policy. Pages, actions, JSON routes and components ask it;
// no other file compares a role or a token's scope. Pure (no database, no "server-only"):
// the callers load the facts (the stored role, the staff grants, the order's owner) and hand
// them in, so a component may ask too and every rule is tested without a database
// (policy.test.ts). Hosts (issue 30, docs/decisions/0019): the actor carries its host
// memberships, and `hostScope` says whose events, venues, orders and vouchers it may see.

export type Role = "attendee" | "admin";

/** A member's part in a host: owner and manager run its side of the dashboard; door checks its events in. */
export type HostRole = "owner" | "manager" | "door";
export const HOST_ROLES = ["owner", "manager", "door"] as const satisfies readonly HostRole[];

export type HostMembership = { hostId: string; role: HostRole };

/**
 * Who is asking, as a value. `verifiedEmail`: the account's email once its owner proved it
 * (a link sent to it was used); guest orders made with that email are then theirs too.
 * `memberships`: the hosts the user belongs to, and as what (none when not said).
 */
export type Actor = { userId: string; role: Role; verifiedEmail?: string | null; memberships?: readonly HostMembership[] };

/**
 * Whose things the dashboard shows `actor`: "all" (the platform admin, who acts for any host),
 * the hosts they own or manage, or none (an empty list: the dashboard is a 404).
 */
export type HostScope = "all" | readonly string[];

/** What a personal API token may do: `read` only reads; `write` may also buy and pay; `check_in` only checks tickets in at the door. */
export const API_TOKEN_SCOPES = ["read", "write", "check_in"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** What a request through a token does: reads, changes things (buy, pay), or checks a ticket in at the door. */
export type TokenUse = "read" | "write" | "check_in";

/** The actor of a signed-in user (or of nobody). */
export function actorOf(
  user: { id: string; role: Role; email?: string; emailVerified?: boolean; memberships?: readonly HostMembership[] } | null | undefined,
): Actor | null {
  if (!user) return null;
  const actor: Actor = { userId: user.id, role: user.role, verifiedEmail: user.emailVerified && user.email ? user.email.toLowerCase() : null };
  return user.memberships ? { ...actor, memberships: user.memberships } : actor;
}

/** The platform's admin: sees every host's data and acts for any host (audited as any admin work). */
export function isPlatformAdmin(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return actor?.role === "admin";
}

/** Roles that run a host's side of the dashboard (events, venues, orders, vouchers, messages, analytics). */
const MANAGING_ROLES: readonly HostRole[] = ["owner", "manager"];

/** The hosts whose things `actor` sees in the dashboard (see HostScope). */
export function hostScope(actor: Pick<Actor, "role" | "memberships"> | null | undefined): HostScope {
  if (!actor) return [];
  if (isPlatformAdmin(actor)) return "all";
  return [...new Set((actor.memberships ?? []).filter((member) => MANAGING_ROLES.includes(member.role)).map((member) => member.hostId))];
}

/** Is `hostId` within `scope`? Another host's row is answered as not found, never as forbidden. */
export function inHostScope(scope: HostScope, hostId: string): boolean {
  return scope === "all" || scope.includes(hostId);
}

/**
 * The admin dashboard, its JSON routes and everything they change: the platform admin, and
 * the owners and managers of a host (each sees their host's part). Attendees and door-only
 * members do not reach it.
 */
export function canAdminister(actor: Pick<Actor, "role" | "memberships"> | null | undefined): boolean {
  const scope = hostScope(actor);
  return scope === "all" || scope.length > 0;
}

/** May `actor` manage `hostId`'s things (its events, venues, orders, vouchers)? */
export function canManageHost(actor: Pick<Actor, "role" | "memberships"> | null | undefined, hostId: string): boolean {
  return inHostScope(hostScope(actor), hostId);
}

/**
 * May `actor` run `hostId`'s team (invite, change roles, remove members)? Its owners, and the
 * platform admin for any host. Managers run the host's events and page, not who runs them.
 */
export function canManageTeam(actor: Pick<Actor, "role" | "memberships"> | null | undefined, hostId: string): boolean {
  if (isPlatformAdmin(actor)) return true;
  return (actor?.memberships ?? []).some((member) => member.hostId === hostId && member.role === "owner");
}

/**
 * May `actor` take `userId` off `hostId`'s team? Whoever runs the team, and any member for
 * themselves (leaving; the host's last owner still cannot, lib/hosts/team/keep-an-owner.ts).
 */
export function canRemoveMember(actor: Pick<Actor, "userId" | "role" | "memberships"> | null | undefined, hostId: string, userId: string): boolean {
  if (canManageTeam(actor, hostId)) return true;
  return actor?.userId === userId && (actor.memberships ?? []).some((member) => member.hostId === hostId);
}

/**
 * Platform work that belongs to no host (the delivery jobs, the audit log, door staff for every
 * event, codes for every event): the platform admin only.
 */
export function canRunPlatform(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return isPlatformAdmin(actor);
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
  return order.userId === actor.userId || isPlatformAdmin(actor);
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
  if (isPlatformAdmin(actor)) return true;
  return actor.verifiedEmail !== null && ticket.holderEmail !== null && ticket.holderEmail.toLowerCase() === actor.verifiedEmail;
}

/**
 * The events `actor` may check tickets in for: "all" for the platform admin and all-event
 * staff; else the events of their staff grants (a grant without an event is for every event)
 * together with the events of the hosts they are a member of, in any role (`hostEvents`: the
 * events of those hosts, loaded by the caller); null for anyone else.
 */
export function checkInScope(
  actor: Actor | null | undefined,
  grants: readonly { eventId: string | null }[],
  hostEvents: readonly { eventId: string; hostId: string }[] = [],
): "all" | string[] | null {
  if (!actor) return null;
  if (isPlatformAdmin(actor)) return "all";
  if (grants.some((grant) => grant.eventId === null)) return "all";
  const memberOf = new Set((actor.memberships ?? []).map((member) => member.hostId));
  const eventIds = new Set([...grants.map((grant) => grant.eventId!), ...hostEvents.filter((event) => memberOf.has(event.hostId)).map((event) => event.eventId)]);
  return eventIds.size ? [...eventIds] : null;
}

/** May `actor` check tickets in at a session of `eventId`? */
export function canCheckIn(
  actor: Actor | null | undefined,
  grants: readonly { eventId: string | null }[],
  eventId: string,
  hostEvents: readonly { eventId: string; hostId: string }[] = [],
): boolean {
  const scope = checkInScope(actor, grants, hostEvents);
  return scope === "all" || (scope !== null && scope.includes(eventId));
}

/**
 * The dev outbox (emails written instead of sent): anyone while it is open (no email
 * provider and not production: `outboxOpen`, lib/email/outbox-access.ts), else admins.
 */
export function canReadOutbox(actor: Pick<Actor, "role"> | null | undefined, outboxOpen: boolean): boolean {
  return outboxOpen || isPlatformAdmin(actor);
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
