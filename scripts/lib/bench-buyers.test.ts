import { describe, expect, it } from "vitest";
import { generateBuyers, scoreList, type BenchEvent } from "./bench-buyers";

describe("the recommendation benchmark's buyers", () => {
  it("scores a held-out item by its rank in the first 10", () => {
    expect(scoreList(["a", "b", "c"], "a")).toEqual({ hit: 1, ndcg: 1 });
    expect(scoreList(["a", "b", "c"], "c")).toEqual({ hit: 1, ndcg: 0.5 });
    expect(scoreList(["a", "b"], "z")).toEqual({ hit: 0, ndcg: 0 });
    expect(scoreList([..."abcdefghij", "k"], "k")).toEqual({ hit: 0, ndcg: 0 });
  });

  it("draws distinct purchases mostly from each buyer's taste, the held-out one on sale, the same for a seed", () => {
    const events: BenchEvent[] = Array.from({ length: 800 }, (_, n) => ({
      id: `e${n}`, category: ["concert", "food", "tour", "comedy"][n % 4], city: ["Lisbon", "Porto"][Math.floor(n / 4) % 2],
      price: 500 * (1 + (n % 7)), weekday: n % 7, onSale: n % 5 !== 0,
    }));
    const byId = new Map(events.map((event) => [event.id, event]));
    const buyers = generateBuyers(events, { buyers: 50, purchases: 1000, seed: 7 });
    expect(buyers.length).toBeGreaterThan(45);
    let fitting = 0;
    let total = 0;
    for (const buyer of buyers) {
      expect(new Set([...buyer.history, buyer.heldOut]).size).toBe(buyer.history.length + 1);
      expect(byId.get(buyer.heldOut)!.onSale).toBe(true);
      for (const id of buyer.history) {
        const event = byId.get(id)!;
        total++;
        if (buyer.taste.categories.includes(event.category) && event.city === buyer.taste.city) fitting++;
      }
    }
    expect(fitting / total).toBeGreaterThan(0.6);
    expect(generateBuyers(events, { buyers: 50, purchases: 1000, seed: 7 })).toEqual(buyers);
  });
});
