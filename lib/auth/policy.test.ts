// One test per rule of the access policy, the refusals included.
import { describe, expect, it } from "vitest";
import { actorOf, canAdminister, canCheckIn, canManageTokens, canReadOutbox, canUseTokenScope, canViewOrder, checkInScope, type Actor } from "./policy";

const admin: Actor = { userId: "a", role: "admin" };
const buyer: Actor = { userId: "b", role: "attendee" };
const stranger: Actor = { userId: "s", role: "attendee" };

describe("the access policy", () => {
  it("actorOf: a signed-in user as an actor, nobody as null", () => {
    expect(actorOf({ id: "b", role: "attendee" })).toEqual({ ...buyer, verifiedEmail: null });
    expect(actorOf({ id: "b", role: "attendee", email: "B@Example.TEST", emailVerified: true })).toEqual({ ...buyer, verifiedEmail: "b@example.test" });
    expect(actorOf(null)).toBeNull();
    expect(actorOf(undefined)).toBeNull();
  });

  it("canAdminister: admins only", () => {
    expect(canAdminister(admin)).toBe(true);
    expect(canAdminister(buyer)).toBe(false);
    expect(canAdminister(null)).toBe(false);
  });

  it("canViewOrder: the buyer and admins; not another user, not nobody", () => {
    const order = { userId: "b" };
    expect(canViewOrder(buyer, order)).toBe(true);
    expect(canViewOrder(admin, order)).toBe(true);
    expect(canViewOrder(stranger, order)).toBe(false);
    expect(canViewOrder(null, order)).toBe(false);
  });

  it("checkInScope and canCheckIn: admins and all-event staff everywhere, event staff at their events, nobody else", () => {
    expect(checkInScope(admin, [])).toBe("all");
    expect(checkInScope(buyer, [{ eventId: null }])).toBe("all");
    expect(checkInScope(buyer, [{ eventId: "e1" }, { eventId: "e2" }])).toEqual(["e1", "e2"]);
    expect(checkInScope(buyer, [])).toBeNull();
    expect(checkInScope(null, [{ eventId: null }])).toBeNull();
    expect(canCheckIn(admin, [], "e9")).toBe(true);
    expect(canCheckIn(buyer, [{ eventId: "e1" }], "e1")).toBe(true);
    expect(canCheckIn(buyer, [{ eventId: "e1" }], "e2")).toBe(false);
    expect(canCheckIn(stranger, [], "e1")).toBe(false);
    expect(canCheckIn(null, [{ eventId: "e1" }], "e1")).toBe(false);
  });

  it("canReadOutbox: anyone while the outbox is open, else admins only", () => {
    expect(canReadOutbox(null, true)).toBe(true);
    expect(canReadOutbox(buyer, true)).toBe(true);
    expect(canReadOutbox(admin, false)).toBe(true);
    expect(canReadOutbox(buyer, false)).toBe(false);
    expect(canReadOutbox(null, false)).toBe(false);
  });

  it("canUseTokenScope: read reads; write reads and writes; check_in only checks in, and only it checks in", () => {
    expect(canUseTokenScope("read", "read")).toBe(true);
    expect(canUseTokenScope("read", "write")).toBe(false);
    expect(canUseTokenScope("read", "check_in")).toBe(false);
    expect(canUseTokenScope("write", "read")).toBe(true);
    expect(canUseTokenScope("write", "write")).toBe(true);
    expect(canUseTokenScope("write", "check_in")).toBe(false);
    expect(canUseTokenScope("check_in", "check_in")).toBe(true);
    expect(canUseTokenScope("check_in", "read")).toBe(false);
    expect(canUseTokenScope("check_in", "write")).toBe(false);
  });

  it("canManageTokens: with the session, never with a token", () => {
    expect(canManageTokens("session")).toBe(true);
    expect(canManageTokens("token")).toBe(false);
  });

  it("a guest order is the account's that verified its email, and nobody else's", () => {
    const guestOrder = { userId: null, buyerEmail: "rita@example.test" };
    const verified = actorOf({ id: "u1", role: "attendee", email: "Rita@Example.TEST", emailVerified: true });
    const unverified = actorOf({ id: "u2", role: "attendee", email: "rita@example.test", emailVerified: false });
    const other = actorOf({ id: "u3", role: "attendee", email: "ana@example.test", emailVerified: true });
    expect(canViewOrder(verified, guestOrder)).toBe(true);
    expect(canViewOrder(unverified, guestOrder)).toBe(false);
    expect(canViewOrder(other, guestOrder)).toBe(false);
    // An account's own order stays its own, whatever email another account verified.
    expect(canViewOrder(verified, { userId: "u9", buyerEmail: "rita@example.test" })).toBe(false);
  });
});
