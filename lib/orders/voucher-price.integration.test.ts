// One rounding rule (issue 28): the quote's voucher arithmetic (TypeScript, also run in the
// browser) and the commit's (SQL) agree on every price, and a discount never makes a price
// negative or larger than the list price. Random cases, checked in one query.
import { describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { percentOfMinor } from "@/lib/money";
import { voucherUnitPrice, type VoucherKind } from "./voucher";

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("voucher prices", () => {
  it("are the same in TypeScript and SQL for 2,000 random list prices, kinds and values, and stay within 0..list", async () => {
    const next = random(27);
    const kinds: VoucherKind[] = ["percent_off", "amount_off", "set_price"];
    const cases = Array.from({ length: 2000 }, () => {
      const kind = kinds[Math.floor(next() * 3)];
      const list = Math.floor(next() * 500_000);
      const value = kind === "percent_off" ? Math.floor(next() * 101) : Math.floor(next() * 600_000);
      return { kind, list, value };
    });
    const rows = await sql<{ price: number }>`
      SELECT voucher_unit_price(c.list, c.kind::voucher_kind, c.value) AS price
        FROM unnest(${cases.map((c) => c.list)}::int[], ${cases.map((c) => c.kind)}::text[], ${cases.map((c) => c.value)}::int[]) WITH ORDINALITY AS c(list, kind, value, n)
       ORDER BY c.n`;
    expect(rows.map((row) => row.price)).toEqual(cases.map((c) => voucherUnitPrice(c, c.list)));
    for (const c of cases) {
      const price = voucherUnitPrice(c, c.list);
      expect(price).toBeGreaterThanOrEqual(0);
      if (c.kind !== "set_price") expect(price).toBeLessThanOrEqual(c.list);
      // Discount + price = list, to the cent.
      if (c.kind === "percent_off") expect(price + percentOfMinor(c.list, c.value)).toBe(c.list);
    }
  });

  it("round a percent half up to the minor unit", () => {
    expect([percentOfMinor(1999, 15), percentOfMinor(10, 5), percentOfMinor(10, 4), percentOfMinor(0, 100), percentOfMinor(1, 50)]).toEqual([300, 1, 0, 0, 1]);
    expect(() => percentOfMinor(100, 101)).toThrow(RangeError);
    expect(() => percentOfMinor(-1, 10)).toThrow(RangeError);
  });
});
