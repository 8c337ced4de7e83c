// One test per rule of the access policy, the refusals included.
import { describe, expect, it } from "vitest";
import {
  actorOf, canAdminister, canCheckIn, canManageHost, canManageTeam, canRemoveMember, canManageTokens, canReadOutbox, canRunPlatform, canUseTokenScope, canViewOrder, checkInScope, hostScope, inHostScope, isPlatformAdmin, type Actor,
} from "./policy";

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

  describe("hosts (issue 30)", () => {
    const owner: Actor = { userId: "o", role: "attendee", memberships: [{ hostId: "h1", role: "owner" }] };
    const manager: Actor = { userId: "m", role: "attendee", memberships: [{ hostId: "h1", role: "manager" }, { hostId: "h2", role: "manager" }] };
    const door: Actor = { userId: "d", role: "attendee", memberships: [{ hostId: "h1", role: "door" }] };

    it("actorOf keeps the memberships a session carries", () => {
      expect(actorOf({ id: "m", role: "attendee", memberships: [{ hostId: "h1", role: "manager" }] })).toMatchObject({ memberships: [{ hostId: "h1", role: "manager" }] });
    });

    it("hostScope: all for the platform admin, owned and managed hosts for members, nothing for door staff and attendees", () => {
      expect(hostScope(admin)).toBe("all");
      expect(hostScope(owner)).toEqual(["h1"]);
      expect(hostScope(manager)).toEqual(["h1", "h2"]);
      expect(hostScope(door)).toEqual([]);
      expect(hostScope(buyer)).toEqual([]);
      expect(hostScope(null)).toEqual([]);
      expect(hostScope({ role: "attendee", memberships: [{ hostId: "h1", role: "manager" }, { hostId: "h1", role: "owner" }] })).toEqual(["h1"]);
    });

    it("canAdminister: the dashboard for the platform admin and hosts' owners and managers, not door staff or attendees", () => {
      expect(canAdminister(owner)).toBe(true);
      expect(canAdminister(manager)).toBe(true);
      expect(canAdminister(door)).toBe(false);
      expect(canAdminister({ role: "attendee", memberships: [] })).toBe(false);
    });

    it("canManageHost and inHostScope: their own hosts only; the platform admin any", () => {
      expect(canManageHost(owner, "h1")).toBe(true);
      expect(canManageHost(owner, "h2")).toBe(false);
      expect(canManageHost(manager, "h2")).toBe(true);
      expect(canManageHost(door, "h1")).toBe(false);
      expect(canManageHost(admin, "h9")).toBe(true);
      expect(inHostScope("all", "h9")).toBe(true);
      expect(inHostScope(["h1"], "h2")).toBe(false);
    });

    it("canManageTeam: a host's owners and the platform admin; not its managers, door staff or other hosts' owners", () => {
      expect(canManageTeam(owner, "h1")).toBe(true);
      expect(canManageTeam(owner, "h2")).toBe(false);
      expect(canManageTeam(manager, "h1")).toBe(false);
      expect(canManageTeam(door, "h1")).toBe(false);
      expect(canManageTeam(admin, "h9")).toBe(true);
      expect(canManageTeam(null, "h1")).toBe(false);
    });

    it("canRemoveMember: whoever runs the team takes anyone off; a member only themselves", () => {
      expect(canRemoveMember(owner, "h1", "m")).toBe(true);
      expect(canRemoveMember(manager, "h1", "d")).toBe(false);
      expect(canRemoveMember(manager, "h1", "m")).toBe(true);
      expect(canRemoveMember(door, "h1", "d")).toBe(true);
      expect(canRemoveMember(door, "h2", "d")).toBe(false);
      expect(canRemoveMember(admin, "h9", "x")).toBe(true);
      expect(canRemoveMember(null, "h1", "m")).toBe(false);
    });

    it("platform work and platform powers stay the platform admin's: a host's member is no admin elsewhere", () => {
      expect(canRunPlatform(admin)).toBe(true);
      expect(canRunPlatform(owner)).toBe(false);
      expect(isPlatformAdmin(manager)).toBe(false);
      expect(canViewOrder(manager, { userId: "b" })).toBe(false);
      expect(canReadOutbox(owner, false)).toBe(false);
    });

    it("checkInScope: members in any role check their hosts' events in, beside their staff grants", () => {
      const hostEvents = [{ eventId: "e1", hostId: "h1" }, { eventId: "e2", hostId: "h2" }];
      expect(checkInScope(door, [], hostEvents)).toEqual(["e1"]);
      expect(checkInScope(owner, [{ eventId: "e7" }], hostEvents)).toEqual(["e7", "e1"]);
      expect(checkInScope(door, [], [])).toBeNull();
      expect(canCheckIn(door, [], "e1", hostEvents)).toBe(true);
      expect(canCheckIn(door, [], "e2", hostEvents)).toBe(false);
      expect(canCheckIn(buyer, [], "e1", hostEvents)).toBe(false);
    });
  });
});
