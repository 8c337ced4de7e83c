import { describe, expect, it } from "vitest";
import { MAX_GUEST_VIEWS, parseViewHistory, serializeViewHistory, withView } from "./view-history";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("a guest's view history", () => {
  it("reads only event ids, once each, lower case", () => {
    expect(parseViewHistory(undefined)).toEqual([]);
    expect(parseViewHistory(`${id(1)}.nonsense.${id(2).toUpperCase()}.${id(1)}.'; DROP TABLE`)).toEqual([id(1), id(2)]);
  });

  it("puts the latest view first, moves a repeated one to the front, keeps the latest 20", () => {
    let history: string[] = [];
    for (let n = 1; n <= 25; n++) history = withView(history, id(n));
    expect(history).toHaveLength(MAX_GUEST_VIEWS);
    expect(history[0]).toBe(id(25));
    expect(history).not.toContain(id(5));
    history = withView(history, id(10));
    expect(history.slice(0, 2)).toEqual([id(10), id(25)]);
    expect(history.filter((seen) => seen === id(10))).toHaveLength(1);
  });

  it("round-trips through the cookie value, which stays far below 4 KB", () => {
    const history = Array.from({ length: MAX_GUEST_VIEWS }, (_, n) => id(n));
    const value = serializeViewHistory(history);
    expect(parseViewHistory(value)).toEqual(history);
    expect(value.length).toBeLessThan(800);
  });
});
