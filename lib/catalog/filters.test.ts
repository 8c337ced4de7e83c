import { describe, expect, it } from "vitest";
import { countActiveFilters, filtersToSearchParams, isQuickFilterOn, listingHref, parseEventFilters, quickFilterChips, toggleQuickFilter } from "./filters";

const parse = (query: string) => parseEventFilters(new URLSearchParams(query));

describe("parseEventFilters", () => {
  it("defaults to page 1 with no filters, and ignores unknown parameters", () => {
    expect(parse("")).toEqual({ ok: true, filters: { page: 1 } });
    expect(parse("utm_source=mail&q=jazz&sort=price")).toEqual({ ok: true, filters: { page: 1 } });
  });

  it("treats the blank fields of a GET form as absent", () => {
    expect(parse("category=&where=++&date=&from=&to=&price=&page=")).toEqual({ ok: true, filters: { page: 1 } });
  });

  it("parses every filter", () => {
    expect(parse("category=comedy&where=Kreuzberg&date=range&from=2026-12-01&to=2026-12-31&price=20&available=1&page=3")).toEqual({
      ok: true,
      filters: { category: "comedy", where: "Kreuzberg", date: "range", from: "2026-12-01", to: "2026-12-31", maxPriceMinor: 2000, available: true, page: 3 },
    });
    expect(parse("date=today&price=free")).toEqual({ ok: true, filters: { date: "today", free: true, page: 1 } });
    expect(parse("date=weekend&price=0")).toEqual({ ok: true, filters: { date: "weekend", free: true, page: 1 } });
  });

  it("trims the place, strips control characters and keeps accents", () => {
    expect(parse(`where=${encodeURIComponent("  Gràcia\u0000\t Barcelona ")}`)).toEqual({ ok: true, filters: { where: "Gràcia Barcelona", page: 1 } });
  });

  it("names the parameter that is wrong", () => {
    const cases: [string, string][] = [
      ["category=opera", "category"],
      [`where=${"x".repeat(81)}`, "where"],
      ["date=tomorrow", "date"],
      ["date=range&from=2026-12-01", "to"],
      ["date=range&to=2026-12-01", "from"],
      ["date=range&from=2026-02-30&to=2026-03-01", "from"],
      ["date=range&from=2026-12-01&to=12/31/2026", "to"],
      ["date=range&from=2026-12-31&to=2026-12-01", "to"],
      ["date=range&from=2026-01-01&to=2027-01-02", "to"],
      ["price=cheap", "price"],
      ["price=12.50", "price"],
      ["price=-5", "price"],
      ["available=yes", "available"],
      ["page=0", "page"],
      ["page=1001", "page"],
      ["page=2.5", "page"],
      ["page=abc", "page"],
    ];
    for (const [query, parameter] of cases) {
      const result = parse(query);
      expect(result, query).toMatchObject({ ok: false, parameter });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it("accepts a range of exactly one year and a one-day range", () => {
    expect(parse("date=range&from=2026-01-01&to=2027-01-01")).toMatchObject({ ok: true, filters: { from: "2026-01-01", to: "2027-01-01" } });
    expect(parse("date=range&from=2026-05-05&to=2026-05-05")).toMatchObject({ ok: true, filters: { date: "range" } });
  });

  it("reads from/to without a date choice as a range, and ignores them with today or weekend", () => {
    expect(parse("from=2026-05-01&to=2026-05-03")).toEqual({ ok: true, filters: { date: "range", from: "2026-05-01", to: "2026-05-03", page: 1 } });
    expect(parse("from=2026-05-01")).toMatchObject({ ok: false, parameter: "to" });
    expect(parse("date=today&from=2026-05-01&to=2026-05-03")).toEqual({ ok: true, filters: { date: "today", page: 1 } });
  });

  it("uses the first of repeated parameters", () => {
    expect(parse("category=food&category=tour")).toMatchObject({ ok: true, filters: { category: "food" } });
  });
});

describe("filtersToSearchParams", () => {
  it("round-trips through parseEventFilters", () => {
    const filters = { category: "food" as const, where: "Alfama & Graça", date: "range" as const, from: "2026-07-01", to: "2026-07-31", maxPriceMinor: 5000, available: true, page: 4 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe("category=food&where=Alfama+%26+Gra%C3%A7a&date=range&from=2026-07-01&to=2026-07-31&price=50&available=1&page=4");
    expect(parseEventFilters(new URLSearchParams(params.toString()))).toEqual({ ok: true, filters });
  });

  it("keeps the other filters when only the page changes, and leaves page 1 out", () => {
    const filters = { date: "weekend" as const, free: true, page: 2 };
    expect(filtersToSearchParams({ ...filters, page: 3 }).toString()).toBe("date=weekend&price=free&page=3");
    expect(filtersToSearchParams({ ...filters, page: 1 }).toString()).toBe("date=weekend&price=free");
    expect(filtersToSearchParams({}).toString()).toBe("");
  });

  it("drops from/to unless the date choice is a range", () => {
    expect(filtersToSearchParams({ date: "today", from: "2026-01-01", to: "2026-01-02" }).toString()).toBe("date=today");
  });
});

describe("quick filters", () => {
  it("counts the filters that narrow the listing", () => {
    expect(countActiveFilters({})).toBe(0);
    expect(countActiveFilters({ category: "comedy", date: "range", from: "2026-12-01", to: "2026-12-02", maxPriceMinor: 2000, available: true })).toBe(4);
  });

  it("switches a chip on and off and keeps the other filters", () => {
    const base = { category: "concert" as const, where: "Alfama" };
    const today = toggleQuickFilter(base, "today");
    expect(today).toEqual({ ...base, date: "today" });
    expect(isQuickFilterOn(today, "today")).toBe(true);
    expect(toggleQuickFilter(today, "today")).toEqual(base);
    expect(toggleQuickFilter(today, "weekend")).toEqual({ ...base, date: "weekend" });
  });

  it("replaces a maximum price with free, and keeps a date range when another chip is tapped", () => {
    const ranged = { date: "range" as const, from: "2026-12-01", to: "2026-12-31", maxPriceMinor: 2000 };
    expect(toggleQuickFilter(ranged, "free")).toEqual({ date: "range", from: "2026-12-01", to: "2026-12-31", free: true });
    expect(toggleQuickFilter(ranged, "available")).toEqual({ ...ranged, available: true });
    expect(filtersToSearchParams(toggleQuickFilter(ranged, "available")).toString()).toBe("date=range&from=2026-12-01&to=2026-12-31&price=20&available=1");
  });
});

describe("listing links", () => {
  it("puts the text query first and leaves blanks out", () => {
    expect(listingHref("/search", " jazz ", { category: "concert", page: 2 })).toBe("/search?q=jazz&category=concert&page=2");
    expect(listingHref("/", "", {})).toBe("/");
  });

  it("makes each chip a link that toggles itself and keeps the query", () => {
    const chips = quickFilterChips("/search", "jazz", { date: "today" });
    expect(chips.find((chip) => chip.label === "Today")).toEqual({ quick: "today", label: "Today", on: true, href: "/search?q=jazz" });
    expect(chips.find((chip) => chip.label === "Free")).toEqual({ quick: "free", label: "Free", on: false, href: "/search?q=jazz&date=today&price=free" });
  });
});
