import { describe, expect, it } from "vitest";
import { groupTicketOrders } from "./group-ticket-orders";

const at = (iso: string) => new Date(iso);
const order = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt: at(startsAt), endsAt: at(endsAt) });

describe("groupTicketOrders", () => {
  it("puts what has not ended yet first, soonest first, and the past most recent first", () => {
    const now = at("2026-12-02T20:00:00Z");
    const { upcoming, past } = groupTicketOrders(
      [
        order("later", "2026-12-20T19:00:00Z", "2026-12-20T22:00:00Z"),
        order("tonight-in-progress", "2026-12-02T19:00:00Z", "2026-12-02T22:00:00Z"),
        order("long-ago", "2026-01-10T19:00:00Z", "2026-01-10T22:00:00Z"),
        order("last-week", "2026-11-25T19:00:00Z", "2026-11-25T22:00:00Z"),
      ],
      now,
    );
    expect(upcoming.map((o) => o.id)).toEqual(["tonight-in-progress", "later"]);
    expect(past.map((o) => o.id)).toEqual(["last-week", "long-ago"]);
  });
});
