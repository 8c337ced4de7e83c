// Buyers with hidden tastes for `npm run bench:recommend` (scripts/bench-recommend.ts): each
// buyer likes one or two categories, lives in one city, has a price band and prefers either
// weekends or weekdays. Their purchases are drawn, one at a time, either from what fits the
// taste (75%: the taste's category and city, weighted by popularity, price band and weekday)
// or from the whole catalogue by popularity alone (25%: gifts, friends' plans, noise).
// Popularity is Zipf-like (exponent 0.7) over a fixed shuffle of the events, so a popularity
// baseline has something real to find. The last purchase of each buyer is an event on sale
// now: it is held out and the recommenders are asked to find it. Deterministic per seed.
// The recommenders never see the tastes, only the purchases.

export type BenchEvent = { id: string; category: string; city: string; price: number | null; weekday: number | null; onSale: boolean };
export type Taste = { categories: string[]; city: string; band: 0 | 1 | 2; weekend: boolean };
export type BenchBuyer = { email: string; taste: Taste; history: string[]; heldOut: string };

/** mulberry32: a small, fast, seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Price bands by the catalogue's own tertiles of price, so each band holds about a third. */
function bandsOf(events: BenchEvent[]): (price: number | null) => 0 | 1 | 2 | null {
  const prices = events.map((event) => event.price).filter((price): price is number => price !== null).sort((a, b) => a - b);
  const low = prices[Math.floor(prices.length / 3)] ?? 0;
  const high = prices[Math.floor((2 * prices.length) / 3)] ?? 0;
  return (price) => (price === null ? null : price < low ? 0 : price < high ? 1 : 2);
}

/** A weighted pick by binary search over cumulative weights. */
class WeightedPool {
  private readonly cumulative: Float64Array;
  constructor(readonly items: number[], weights: number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, index) => (this.cumulative[index] = sum += weight));
  }
  pick(random: () => number): number {
    const target = random() * (this.cumulative.at(-1) ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low];
  }
  get size() {
    return this.items.length;
  }
}

export function generateBuyers(events: BenchEvent[], options: { buyers: number; purchases: number; seed: number }): BenchBuyer[] {
  const random = seededRandom(options.seed);
  const band = bandsOf(events);
  const categories = [...new Set(events.map((event) => event.category))].sort();
  const cities = [...new Set(events.map((event) => event.city))].sort();
  // Popularity: Zipf over a fixed shuffle of the events.
  const order = events.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const popularity = new Float64Array(events.length);
  order.forEach((eventIndex, rank) => (popularity[eventIndex] = 1 / (rank + 1) ** 0.7));
  const all = events.map((_, index) => index);
  const everything = new WeightedPool(all, all.map((index) => popularity[index]));
  const onSale = all.filter((index) => events[index].onSale);
  const everythingOnSale = new WeightedPool(onSale, onSale.map((index) => popularity[index]));

  // One pool per taste (category, city, band, weekend), built on first use.
  const pools = new Map<string, { any: WeightedPool; onSale: WeightedPool }>();
  const fitting = (taste: Taste) => {
    const key = `${taste.categories.join("+")}|${taste.city}|${taste.band}|${taste.weekend}`;
    let pool = pools.get(key);
    if (!pool) {
      const weightOf = (index: number) => {
        const event = events[index];
        const weekend = event.weekday !== null && (event.weekday === 0 || event.weekday >= 5);
        return popularity[index] * (band(event.price) === taste.band ? 3 : 1) * (event.weekday === null || weekend === taste.weekend ? 2 : 1);
      };
      const matching = all.filter((index) => taste.categories.includes(events[index].category) && events[index].city === taste.city);
      const matchingOnSale = matching.filter((index) => events[index].onSale);
      pool = { any: new WeightedPool(matching, matching.map(weightOf)), onSale: new WeightedPool(matchingOnSale, matchingOnSale.map(weightOf)) };
      pools.set(key, pool);
    }
    return pool;
  };

  const meanPurchases = options.purchases / options.buyers;
  const buyers: BenchBuyer[] = [];
  let left = options.purchases;
  for (let b = 0; b < options.buyers; b++) {
    const first = categories[Math.floor(random() * categories.length)];
    const second = random() < 0.5 ? categories[Math.floor(random() * categories.length)] : first;
    const taste: Taste = {
      categories: [...new Set([first, second])],
      city: cities[Math.floor(random() * cities.length)],
      band: Math.floor(random() * 3) as 0 | 1 | 2,
      weekend: random() < 0.5,
    };
    // Purchases per buyer: 2..(2·mean-2), about the mean on average; the last buyer takes what is left.
    const count = b === options.buyers - 1 ? Math.max(2, left) : Math.max(2, Math.round(2 + random() * (2 * meanPurchases - 4)));
    left -= count;
    const pool = fitting(taste);
    const bought = new Set<number>();
    const draw = (fromTaste: WeightedPool, fromAll: WeightedPool) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const source = random() < 0.75 && fromTaste.size > 0 ? fromTaste : fromAll;
        const index = source.pick(random);
        if (!bought.has(index)) return index;
      }
      return null;
    };
    const history: string[] = [];
    for (let n = 0; n < count - 1; n++) {
      const index = draw(pool.any, everything);
      if (index === null) continue;
      bought.add(index);
      history.push(events[index].id);
    }
    const heldOut = draw(pool.onSale, everythingOnSale);
    if (heldOut === null || history.length === 0) continue;
    buyers.push({ email: `buyer-${b}@bench.example`, taste, history, heldOut: events[heldOut].id });
  }
  return buyers;
}

/** Hit rate and nDCG at k for one held-out item: 1/log2(rank + 1) when found at `rank` (1-based). */
export function scoreList(list: string[], heldOut: string, k = 10): { hit: number; ndcg: number } {
  const rank = list.slice(0, k).indexOf(heldOut) + 1;
  return rank === 0 ? { hit: 0, ndcg: 0 } : { hit: 1, ndcg: 1 / Math.log2(rank + 1) };
}
