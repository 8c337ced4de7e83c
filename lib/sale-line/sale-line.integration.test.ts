// The on-sale's line (issue 28.4) against the real PostgreSQL: one line for every process,
// places in arrival order bound to their buyer, passed over when the buyer goes, let through
// at the set pace and no faster, never before the opening.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { otherProcess, placesOf, scheduledOnSale, setLineSettings, untilOpen } from "@/tests/sale-line-fixtures";
import { accountInLine, guestInLine, markLineBought, passSaleLine } from "./pass-line";
import { lineTokenFor } from "./line-token";
import { resetSaleLinesForTests, saleLineOf } from "./schedule";
import { createTicketedEvent } from "@/tests/fixtures";

const other = otherProcess();
afterAll(() => other.close());
afterEach(() => setLineSettings({}));

const user = (n: number) => accountInLine(`00000000-0000-4000-8000-${String(n).padStart(12, "0")}`);

describe("the on-sale's line", () => {
  it("exists only for an event whose sales open at a set time, around the opening", async () => {
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    resetSaleLinesForTests();
    expect(await saleLineOf(event.id)).toBeNull();
    const far = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    await prisma.ticketType.updateMany({ where: { sessionId: far.session.id }, data: { salesStart: new Date(Date.now() + 3 * 24 * 3600_000) } });
    resetSaleLinesForTests();
    expect(await saleLineOf(far.event.id)).toBeNull();
    const { line, opensAt } = await scheduledOnSale(60_000);
    expect(line.opensAt.getTime()).toBe(Math.floor(opensAt.getTime()));
    expect(await saleLineOf(line.eventId)).toBe(line);
  });

  it("gives places in arrival order across two processes, and one live place per buyer however often they ask", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1000" });
    const { line, opensAt } = await scheduledOnSale(1_500);
    const positions: number[] = [];
    for (let n = 1; n <= 10; n++) {
      // Alternately this process and the other one, one after another: arrival order is position order.
      positions.push(n % 2 ? (await passSaleLine(line, user(n))).position : (await other.pass(line.lineId, user(n).key)).position);
    }
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Asking again (a reload, a retry, the other process) keeps the place: no skipping ahead, no second place.
    const again = await Promise.all([passSaleLine(line, user(7)), other.pass(line.lineId, user(7).key), passSaleLine(line, user(7))]);
    expect(again.map((pass) => pass.position)).toEqual([7, 7, 7]);
    const crowd = await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 ? passSaleLine(line, user(100 + index)).then((pass) => pass.position) : other.pass(line.lineId, user(100 + index).key).then((pass) => pass.position))));
    expect(new Set(crowd).size).toBe(40);
    expect(Math.min(...crowd)).toBe(11);
    expect(Math.max(...crowd)).toBe(50);
    expect((await placesOf(line.lineId)).filter((place) => place.buyer === user(7).key)).toHaveLength(1);

    // Nobody passes before the opening; after it, the front goes first, whichever process asks.
    expect((await passSaleLine(line, user(10))).letThrough).toBe(false);
    expect((await placesOf(line.lineId)).every((place) => place.state === "waiting")).toBe(true);
    await untilOpen(opensAt);
    const fast = { rate: 1000, max: 500, windowSeconds: 180, expirySeconds: 60 };
    let late = await other.pass(line.lineId, user(10).key, fast);
    for (let tries = 0; late.state !== "admitted" && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      late = await other.pass(line.lineId, user(10).key, fast);
    }
    expect(late.state).toBe("admitted");
    const places = await placesOf(line.lineId);
    const admitted = places.filter((place) => place.state === "admitted").map((place) => place.position);
    expect(admitted).toEqual(places.slice(0, admitted.length).map((place) => place.position));
    expect(admitted.length).toBeGreaterThanOrEqual(10);
  });

  it("passes over a buyer who left, and one who comes back queues again at the back", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1", SALE_LINE_EXPIRY_SECONDS: "30" });
    const { line, opensAt } = await scheduledOnSale(1_000);
    const [gone, stays, third] = [user(1), user(2), user(3)];
    for (const buyer of [gone, stays, third]) await passSaleLine(line, buyer);
    // The first buyer stops asking: their last sign of life is longer ago than the expiry.
    await prisma.saleLinePlace.updateMany({ where: { lineId: line.lineId, buyer: gone.key }, data: { seenAt: new Date(Date.now() - 31_000) } });
    await untilOpen(new Date(opensAt.getTime() + 2_100));
    // One buyer a second, earned from the opening (two seconds' worth at most): the front skips the absent one.
    const turn = await passSaleLine(line, stays);
    expect(turn.letThrough).toBe(true);
    expect((await placesOf(line.lineId)).map((place) => [place.position, place.state])).toEqual([[1, "left"], [2, "admitted"], [3, "admitted"]]);
    const back = await passSaleLine(line, gone);
    expect(back.position).toBe(4);
    expect(back.letThrough).toBe(false);
  });

  it("lets buyers through at the set pace, and no more at once than the window allows", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "10", SALE_LINE_MAX_ADMITTED: "1000" });
    const { line, opensAt } = await scheduledOnSale(1_500);
    await Promise.all(Array.from({ length: 80 }, (_, index) => passSaleLine(line, user(index + 1))));
    await untilOpen(opensAt);
    const samples: { afterMs: number; admitted: number }[] = [];
    while (Date.now() - opensAt.getTime() < 2_500) {
      await passSaleLine(line, user(1));
      samples.push({ afterMs: Date.now() - opensAt.getTime(), admitted: (await placesOf(line.lineId)).filter((place) => place.state === "admitted").length });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Earned in time: 10 a second, at most two seconds' worth at the first step.
    for (const sample of samples) expect(sample.admitted).toBeLessThanOrEqual(Math.ceil((sample.afterMs / 1000) * 10) + 1);
    expect(samples.at(-1)!.admitted).toBeGreaterThanOrEqual(15);
    expect(samples.at(-1)!.admitted).toBeLessThan(80);

    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1000", SALE_LINE_MAX_ADMITTED: "3" });
    const small = await scheduledOnSale(800);
    for (let n = 1; n <= 6; n++) await passSaleLine(small.line, user(n));
    await untilOpen(small.opensAt);
    await passSaleLine(small.line, user(1));
    expect((await placesOf(small.line.lineId)).map((place) => place.state)).toEqual(["admitted", "admitted", "admitted", "waiting", "waiting", "waiting"]);
    // A purchase ends its place: its room goes to the next in line.
    await markLineBought(small.line, user(1));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await passSaleLine(small.line, user(6));
    expect((await placesOf(small.line.lineId)).map((place) => place.state)).toEqual(["done", "admitted", "admitted", "admitted", "waiting", "waiting"]);
  });

  it("a guest's place is theirs only with its line token; an account's is theirs by the account", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1000" });
    const { line, opensAt } = await scheduledOnSale(800);
    const guest = guestInLine("Line.Guest@Example.test");
    const first = await passSaleLine(line, guest);
    expect(first.token).toBe(lineTokenFor(line.lineId, first.position, "guest:line.guest@example.test"));
    await untilOpen(opensAt);
    const stranger = await passSaleLine(line, guestInLine("line.guest@example.test"));
    expect(stranger).toMatchObject({ position: first.position, letThrough: false, proven: false, token: null });
    // Another buyer's token, or a made-up one, proves nothing.
    const otherGuest = await passSaleLine(line, guestInLine("other.guest@example.test"));
    expect((await passSaleLine(line, guest, otherGuest.token)).letThrough).toBe(false);
    expect((await passSaleLine(line, guest, `${first.position}.${"A".repeat(22)}`)).letThrough).toBe(false);
    expect(await passSaleLine(line, guest, first.token)).toMatchObject({ position: first.position, letThrough: true, proven: true });
    expect((await passSaleLine(line, user(1))).token).not.toBeNull();
  });
});
