import { describe, expect, it } from "vitest";
import { sitemapEntriesFor } from "./sitemap-entries";

describe("sitemapEntriesFor", () => {
  it("lists each page once per language, each with every language and x-default as alternates", () => {
    const updated = new Date("2031-05-01T10:00:00Z");
    const entries = sitemapEntriesFor([{ path: "/", priority: 1 }, { path: "/cities/lisbon", lastModified: updated }], "https://tickets.example/");
    expect(entries.map((entry) => entry.url)).toEqual([
      "https://tickets.example/", "https://tickets.example/pt", "https://tickets.example/es", "https://tickets.example/ca", "https://tickets.example/de",
      "https://tickets.example/cities/lisbon", "https://tickets.example/pt/cities/lisbon", "https://tickets.example/es/cities/lisbon", "https://tickets.example/ca/cities/lisbon", "https://tickets.example/de/cities/lisbon",
    ]);
    expect(entries[6]).toEqual({
      url: "https://tickets.example/pt/cities/lisbon",
      lastModified: updated,
      alternates: {
        languages: {
          en: "https://tickets.example/cities/lisbon", pt: "https://tickets.example/pt/cities/lisbon", es: "https://tickets.example/es/cities/lisbon",
          ca: "https://tickets.example/ca/cities/lisbon", de: "https://tickets.example/de/cities/lisbon", "x-default": "https://tickets.example/cities/lisbon",
        },
      },
    });
    expect(entries[0]).toMatchObject({ priority: 1 });
  });
});
