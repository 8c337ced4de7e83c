import { describe, expect, it } from "vitest";
import { localePath, switchPath } from "./paths";

describe("localePath", () => {
  it("keeps English unprefixed and prefixes the others", () => {
    expect(localePath("en", "/search")).toBe("/search");
    expect(localePath("pt", "/search")).toBe("/pt/search");
    expect(localePath("de", "/")).toBe("/de");
  });
});

describe("switchPath", () => {
  it("prefixes every language, English included, so a visit stores the choice", () => {
    expect(switchPath("en", "/events/x")).toBe("/en/events/x");
    expect(switchPath("ca", "/")).toBe("/ca");
  });
});
