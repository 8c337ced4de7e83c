// The line for people in a browser (issue 28.4): the event page's panel asks where it stands
// (its signed, httpOnly cookie is the buyer; a reload keeps the place), and a store form buys
// only at the buyer's turn.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as askLine } from "@/app/api/events/[id]/line/route";
import { guestBuyer } from "@/lib/orders/buyer";
import { ZLineStatus } from "./schemas";
import { takeFormTurn } from "./browser-line";
import { routeParams } from "@/tests/api-fixtures";
import { placesOf, scheduledOnSale, setLineSettings, untilOpen } from "@/tests/sale-line-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => void jar.set(name, value) }),
}));
afterEach(() => {
  jar.clear();
  setLineSettings({});
});

async function ask(eventId: string, cookie?: string) {
  const response = await askLine(new Request(`http://localhost:3000/api/events/${eventId}/line`, { method: "POST", headers: cookie ? { cookie } : {} }), routeParams({ id: eventId }));
  expect(response.status).toBe(200);
  return { status: ZLineStatus.parse(await response.json()), setCookie: response.headers.get("set-cookie") };
}

describe("the line in a browser", () => {
  it("joins at the first ask with a signed httpOnly cookie; a reload keeps the place, a made-up cookie does not take it", async () => {
    const { event, line } = await scheduledOnSale(60_000);
    const first = await ask(event.id);
    expect(first.status).toMatchObject({ state: "waiting", position: 1, ahead: 0, opensAt: line.opensAt.toISOString() });
    expect(first.setCookie).toMatch(/^lt_line_visitor=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    const cookie = first.setCookie!.split(";")[0];

    const second = await ask(event.id);
    expect(second.status.position).toBe(2);
    const reload = await ask(event.id, cookie);
    expect(reload).toMatchObject({ status: { position: 1 }, setCookie: null });
    const forged = await ask(event.id, `lt_line_visitor=${cookie.split("=")[1].slice(0, 23)}${"A".repeat(22)}`);
    expect(forged.status.position).toBe(3);
    expect((await placesOf(line.lineId)).map((place) => place.position)).toEqual([1, 2, 3]);

    const plain = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    expect((await ask(plain.event.id)).status).toMatchObject({ state: "none", position: null });
  });

  it("a store form buys at the buyer's turn only", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1000" });
    const { event, ticketTypes, opensAt } = await scheduledOnSale(1_200);
    const first = await ask(event.id);
    jar.set("lt_line_visitor", first.setCookie!.split(";")[0].split("=")[1]);
    const buyer = guestBuyer({ email: "form.buyer@example.test", name: "Form Buyer" });
    const early = await takeFormTurn(ticketTypes[0].id, buyer);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.state.message).toMatch(/not your turn yet/);
    await untilOpen(opensAt);
    const turn = await takeFormTurn(ticketTypes[0].id, buyer);
    expect(turn.ok).toBe(true);
    const plain = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    expect((await takeFormTurn(plain.ticketTypes[0].id, buyer)).ok).toBe(true);
  });
});
