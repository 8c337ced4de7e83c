import { describe, expect, it } from "vitest";
import { filtersToSearchParams } from "@/lib/catalog/filters";
import { nearToEntries, parseNearFilter, roundedPosition } from "./near-filter";

const parse = (query: string) => parseNearFilter(new URLSearchParams(query));

describe("parseNearFilter", () => {
  it("reads a position, a typed place and a distance", () => {
    expect(parse("")).toEqual({ ok: true, near: undefined });
    expect(parse("lat=38.7223&lng=-9.1393&radius=25")).toEqual({ ok: true, near: { lat: 38.7223, lng: -9.1393, from: { lat: 38.7223, lng: -9.1393 }, radiusKm: 25 } });
    expect(parse("place=%20Gr%C3%A0cia%20&radius=5")).toEqual({ ok: true, near: { place: "Gràcia", radiusKm: 5 } });
    expect(parse("lat=&lng=&radius=&place=")).toEqual({ ok: true, near: undefined });
  });

  it("refuses what is not a place on Earth, naming the parameter", () => {
    expect(parse("lat=91&lng=0")).toMatchObject({ ok: false, parameter: "lat", reason: "badLatitude" });
    expect(parse("lat=1e1&lng=0")).toMatchObject({ ok: false, parameter: "lat", reason: "badLatitude" });
    expect(parse("lat=NaN&lng=0")).toMatchObject({ ok: false, parameter: "lat", reason: "badLatitude" });
    expect(parse("lat=10&lng=180.5")).toMatchObject({ ok: false, parameter: "lng", reason: "badLongitude" });
    expect(parse("lat=10&lng=Infinity")).toMatchObject({ ok: false, parameter: "lng", reason: "badLongitude" });
    expect(parse("lat=10")).toMatchObject({ ok: false, parameter: "lng", reason: "pairNeeded" });
    expect(parse("lng=10")).toMatchObject({ ok: false, parameter: "lat", reason: "pairNeeded" });
    expect(parse("lat=10&lng=10&radius=7")).toMatchObject({ ok: false, parameter: "radius", reason: "badRadius" });
    expect(parse("lat=10&lng=10&radius=25km")).toMatchObject({ ok: false, parameter: "radius", reason: "badRadius" });
    expect(parse("radius=25")).toMatchObject({ ok: false, parameter: "radius", reason: "radiusWithoutPlace" });
    expect(parse(`place=${"x".repeat(81)}`)).toMatchObject({ ok: false, parameter: "place", reason: "placeTooLong" });
  });

  it("goes back into the URL with the other filters, without the resolved point", () => {
    const near = { place: "Badajoz", radiusKm: 25 as const, from: { lat: 1, lng: 2 } };
    expect(nearToEntries(near)).toEqual([["place", "Badajoz"], ["radius", "25"]]);
    expect(filtersToSearchParams({ free: true, near, page: 2 }).toString()).toBe("price=free&place=Badajoz&radius=25&page=2");
    const parsed = parse(filtersToSearchParams({ near: { lat: 38.7, lng: -9.1, from: { lat: 38.7, lng: -9.1 }, radiusKm: 100 } }).toString());
    expect(parsed).toEqual({ ok: true, near: { lat: 38.7, lng: -9.1, from: { lat: 38.7, lng: -9.1 }, radiusKm: 100 } });
  });

  it("rounds a browser position to about 100 m before it reaches a URL", () => {
    expect(roundedPosition(38.722345, -9.139349)).toEqual({ lat: 38.722, lng: -9.139 });
  });
});
