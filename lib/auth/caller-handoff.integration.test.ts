// The buying route takes the caller the purchase gate found (one lookup per purchase, not
// two), and nothing a client can send stands in for it.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as buy } from "@/app/api/events/[id]/buy/route";
import { apiRequest, routeParams } from "@/tests/api-fixtures";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import type { ApiCaller } from "./api-caller";
import { CALLER_HANDOFF_HEADER, handCallerOn, takeHandedCaller } from "./caller-handoff";

vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

describe("the gate's hand-off of the caller", () => {
  it("is taken once, by its name only", () => {
    const caller: ApiCaller = { user: { id: randomUUID(), email: "a@example.test", name: "A", role: "attendee" }, via: "session" };
    const name = handCallerOn(caller);
    expect(takeHandedCaller("made-up")).toBeNull();
    expect(takeHandedCaller(name)).toBe(caller);
    expect(takeHandedCaller(name)).toBeNull();
  });

  it("the route buys as the handed caller without credentials of its own, and refuses a name it was not handed", async () => {
    const user = await createTestUser();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const body = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };
    const name = handCallerOn({ user: { id: user.id, email: user.email, name: user.name, role: "attendee" }, via: "token", tokenId: randomUUID(), scope: "write" });
    const handed = await buy(apiRequest(`/api/events/${event.id}/buy`, { body, headers: { [CALLER_HANDOFF_HEADER]: name, "idempotency-key": randomUUID() } }), routeParams({ id: event.id }));
    expect(handed.status).toBe(201);
    const forged = await buy(apiRequest(`/api/events/${event.id}/buy`, { body, headers: { [CALLER_HANDOFF_HEADER]: name, "idempotency-key": randomUUID() } }), routeParams({ id: event.id }));
    expect(forged.status).toBe(401);
  });
});
