import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createCatalogEvent, uniqueWord } from "@/tests/catalog-fixtures";
import { searchEvents } from "./search-events";
import { CATEGORIES } from "./types";

// Every test searches for made-up words of its own: other test files add events too.
const NOW = new Date("2031-05-14T10:00:00.000Z");
const DAY = 24 * 3600_000;
const soon = (days = 3) => [{ startsAt: new Date(NOW.getTime() + days * DAY) }];
const search = (query: string, options: Parameters<typeof searchEvents>[1] = {}) => searchEvents(query, { now: NOW, ...options });
const CATEGORY_TERMS = CATEGORIES.map((category) => category.label.split(" ")[0]);

describe("searchEvents", () => {
  it("ranks a title match above a venue match above a description-only match, and highlights matches", async () => {
    const word = uniqueWord();
    const inDescription = await createCatalogEvent({
      title: "An evening of song",
      description: `Doors at eight. Our guest tonight is the ${word} choir, back from a long tour of the coast.`,
      sessions: soon(1),
    });
    const inTitle = await createCatalogEvent({ title: `${word} Quartet`, sessions: soon(2) });
    const atVenue = await createCatalogEvent({ title: "Open mic", venueName: `${word} Hall`, sessions: soon(3) });

    const result = await search(word.toLowerCase());
    expect(result.mode).toBe("fulltext");
    expect(result.hits.items.map((hit) => hit.id)).toEqual([inTitle.event.id, atVenue.event.id, inDescription.event.id]);
    expect(result.hits.total).toBe(3);
    const [title, venue, description] = result.hits.items;
    expect(title.rank).toBeGreaterThan(venue.rank);
    expect(venue.rank).toBeGreaterThan(description.rank);
    expect(description.snippet).toContain(`\u0001${word}\u0002`);
    expect(description.snippet).not.toMatch(/<b>/);
    expect(title).toMatchObject({ slug: inTitle.event.slug, bookable: false, priceFromMinor: 1500, availability: "available" });
  });

  it("says with an ellipsis where a snippet cuts a sentence, not where it starts or ends one", async () => {
    const word = uniqueWord();
    const filler = "the long road winds past many quiet villages and fields of barley under a wide sky";
    const long = await createCatalogEvent({
      title: "A walk in the hills",
      summary: "A day outside with a guide.",
      description: `We set out at nine and ${filler}, ${filler}, until we reach the ${word} mill where lunch waits, ${filler}, ${filler}, and home by dusk.`,
      sessions: soon(1),
    });
    const whole = await createCatalogEvent({ title: "Short one", summary: `The ${word} trio plays.`, description: "Three players, one evening.", sessions: soon(2) });
    const hits = (await search(word.toLowerCase())).hits.items;
    const cut = hits.find((hit) => hit.id === long.event.id)!.snippet!;
    expect(cut).toContain(`\u0001${word}\u0002`);
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    // From the document's start to a full stop: nothing cut, nothing added.
    expect(hits.find((hit) => hit.id === whole.event.id)!.snippet).toBe(`The \u0001${word}\u0002 trio plays. Three players, one evening.`);
  });

  it("finds a Portuguese-only description from a Portuguese query, and its English translation from an English one", async () => {
    const word = uniqueWord();
    const fado = await createCatalogEvent({
      title: `Fado ${word}`,
      language: "pt",
      summary: "Fadistas cantam na Mouraria.",
      description: "Três vozes acompanhadas pela guitarra portuguesa, noites inesquecíveis numa tasca com petiscos.",
      translations: [{ locale: "en", title: `Fado ${word}`, summary: "Fado singers in Mouraria.", description: "Three voices with the Portuguese guitar, unforgettable evenings in a tavern with small plates." }],
      sessions: soon(),
    });
    const untranslated = await createCatalogEvent({
      title: `Sardinhada ${word}`,
      language: "pt",
      description: "Sardinhas assadas e manjericos nos Santos Populares, com marchas até de madrugada.",
      sessions: soon(),
    });
    // Portuguese stems: "noite" finds "noites", "tasca" the tavern; accents folded ("tres" finds "Três").
    expect((await search(`noite tasca ${word}`)).hits.items.map((hit) => hit.id)).toEqual([fado.event.id]);
    expect((await search(`tres vozes ${word}`)).hits.items.map((hit) => hit.id)).toEqual([fado.event.id]);
    // A Portuguese description that exists only in Portuguese, found in Portuguese.
    expect((await search(`sardinhas assadas ${word}`)).hits.items.map((hit) => hit.id)).toEqual([untranslated.event.id]);
    // English stems on the English translation: "tavern" and "evening" (evenings).
    expect((await search(`tavern evening ${word}`)).hits.items.map((hit) => hit.id)).toEqual([fado.event.id]);
    // The reader's language picks the card's text; the original where there is no translation.
    const [card] = (await search(`tavern ${word}`, { locale: "en" })).hits.items;
    expect(card).toMatchObject({ summary: "Fado singers in Mouraria.", language: "en" });
    const [original] = (await search(`sardinhas ${word}`, { locale: "en" })).hits.items;
    expect(original).toMatchObject({ language: "pt" });
  });

  it("reads German and Spanish with their own stemmers, Catalan word for word", async () => {
    const word = uniqueWord();
    const berlin = await createCatalogEvent({ title: `Hinterhof ${word}`, language: "de", description: "Konzerte in den Hinterhöfen von Neukölln, mit Getränken und Gesprächen.", sessions: soon() });
    const barcelona = await createCatalogEvent({ title: `Vermut ${word}`, language: "ca", description: "Vermut i concerts al terrat del Poblenou cada diumenge.", sessions: soon() });
    const madrid = await createCatalogEvent({ title: `Tapas ${word}`, language: "es", description: "Recorrido por las tabernas del barrio con degustaciones.", sessions: soon() });
    expect((await search(`konzert getränk ${word}`)).hits.items.map((hit) => hit.id)).toEqual([berlin.event.id]);
    expect((await search(`terrat diumenge ${word}`)).hits.items.map((hit) => hit.id)).toEqual([barcelona.event.id]);
    expect((await search(`taberna degustacion ${word}`)).hits.items.map((hit) => hit.id)).toEqual([madrid.event.id]);
  });

  it("stems English words and ignores accents both ways", async () => {
    const word = uniqueWord();
    const cafe = await createCatalogEvent({ title: `Café ${word}`, category: "food", sessions: soon() });
    const gracia = await createCatalogEvent({ title: `Gracia ${word} recitals`, category: "theatre", sessions: soon() });

    expect((await search(`cafe ${word}`)).hits.items.map((hit) => hit.id)).toEqual([cafe.event.id]);
    expect((await search(`CAFÉ ${word}`)).hits.items.map((hit) => hit.id)).toEqual([cafe.event.id]);
    expect((await search(`Gràcia ${word}`)).hits.items.map((hit) => hit.id)).toEqual([gracia.event.id]);
    expect((await search(`${word} recital`)).hits.items.map((hit) => hit.id)).toEqual([gracia.event.id]);
  });

  it("supports web search syntax: quoted phrases, or, and minus", async () => {
    const word = uniqueWord();
    const night = await createCatalogEvent({ title: `${word} piano night`, sessions: soon(1) });
    const morning = await createCatalogEvent({ title: `${word} night piano morning`, sessions: soon(2) });

    expect((await search(`"${word} piano night"`)).hits.items.map((hit) => hit.id)).toEqual([night.event.id]);
    expect((await search(`${word} -morning`)).hits.items.map((hit) => hit.id)).toEqual([night.event.id]);
    expect((await search(`${word} morning or ${word} piano`)).hits.total).toBe(2);
    expect(morning.event.id).toBeDefined();
  });

  it("finds only listed events: never drafts, cancelled events or events that are over", async () => {
    const word = uniqueWord();
    const listed = await createCatalogEvent({ title: `${word} live`, sessions: soon() });
    const bookable = await createCatalogEvent({ title: `${word} walk`, resource: {} });
    await createCatalogEvent({ title: `${word} draft`, status: "draft", sessions: soon() });
    await createCatalogEvent({ title: `${word} cancelled`, status: "cancelled", sessions: soon() });
    await createCatalogEvent({ title: `${word} last year`, sessions: [{ startsAt: new Date(NOW.getTime() - 300 * DAY) }] });
    await createCatalogEvent({ title: `${word} called off`, sessions: [{ startsAt: new Date(NOW.getTime() + DAY), cancelled: true }] });

    const result = await search(word);
    expect(result.hits.items.map((hit) => hit.id).sort()).toEqual([listed.event.id, bookable.event.id].sort());
    expect(result.hits.items.find((hit) => hit.id === bookable.event.id)).toMatchObject({ bookable: true, nextStartsAt: null, remaining: null });
  });

  it("applies the listing filters", async () => {
    const word = uniqueWord();
    const food = await createCatalogEvent({ title: `${word} supper`, category: "food", city: "Porto", sessions: soon() });
    await createCatalogEvent({ title: `${word} stand-up`, category: "comedy", city: "Berlin", sessions: soon() });
    const free = await createCatalogEvent({ title: `${word} open stage`, category: "comedy", city: "Berlin", sessions: [{ startsAt: new Date(NOW.getTime() + DAY), ticketTypes: [{ priceMinor: 0 }] }] });

    expect((await search(word, { filters: { category: "food" } })).hits.items.map((hit) => hit.id)).toEqual([food.event.id]);
    expect((await search(word, { filters: { where: "porto" } })).hits.items.map((hit) => hit.id)).toEqual([food.event.id]);
    expect((await search(word, { filters: { free: true } })).hits.items.map((hit) => hit.id)).toEqual([free.event.id]);
  });

  it("falls back to close matches for typos in titles, neighbourhoods and venue names", async () => {
    const festival = await createCatalogEvent({ title: "Brumbletonia Jazz Festival", sessions: soon() });
    const kiez = await createCatalogEvent({ title: "Courtyard cinema", city: "Berlin", neighbourhood: "Quellenberg", sessions: soon() });
    const venue = await createCatalogEvent({ title: "Late set", venueName: "Vortigern Hall", sessions: soon() });

    const typo = await search("brumbltonia jaz festvl", { pageSize: 100 });
    expect(typo.mode).toBe("fuzzy");
    expect(typo.hits.items[0].id).toBe(festival.event.id);
    expect(typo.hits.items[0].snippet).toBe(festival.event.summary);

    const place = await search("quelenberg", { pageSize: 100 });
    expect(place.mode).toBe("fuzzy");
    expect(place.hits.items.map((hit) => hit.id)).toContain(kiez.event.id);

    const hall = await search("vortigen hal", { pageSize: 100 });
    expect(hall.mode).toBe("fuzzy");
    expect(hall.hits.items.map((hit) => hit.id)).toContain(venue.event.id);
  });

  it("suggests similar titles and a couple of categories when nothing matches", async () => {
    await createCatalogEvent({ title: "Glimmerquartz Soiree", sessions: soon() });
    await createCatalogEvent({ title: "Glimmerquartz Gala", status: "draft", sessions: soon() });

    const result = await search("glimm zzkqpw");
    expect(result.hits).toMatchObject({ items: [], total: 0 });
    expect(result.suggestions).toContain("Glimmerquartz Soiree");
    expect(result.suggestions).not.toContain("Glimmerquartz Gala");
    expect(result.suggestions.length).toBeLessThanOrEqual(5);

    // Nothing unrelated: a query like nothing listed gets no suggestions; a category only when its name looks like the query.
    const nothing = await search("qqxxzzkkvvww");
    expect(nothing.hits.total).toBe(0);
    expect(nothing.suggestions).toEqual([]);
    const comedy = await search("comdy", { filters: { where: uniqueWord() } });
    expect(comedy.suggestions).toContain("Comedy");
    expect(comedy.suggestions.filter((suggestion) => CATEGORY_TERMS.includes(suggestion))).toEqual(["Comedy"]);
  });

  it("forgives a typo in a short word as in a long one, and never matches on a letter or two", async () => {
    const word = uniqueWord();
    const fado = await createCatalogEvent({ title: `Fado in Alfama ${word}`, neighbourhood: "Alfama", sessions: soon() });
    const ghost = await createCatalogEvent({ title: `Southwark Ghost Walk ${word}`, sessions: soon() });
    const tempest = await createCatalogEvent({ title: `The Tempest ${word}`, sessions: soon() });

    // Typos of short words (few trigrams) and of longer ones (the benchmark's typo set is of this kind).
    for (const [query, expected] of [["Alama", fado], ["Ghst", ghost], ["Tmpest", tempest], ["ghost wlak", ghost]] as const) {
      const result = await search(query, { pageSize: 100 });
      expect(result.mode, query).toBe("fuzzy");
      expect(result.hits.items.map((hit) => hit.id), query).toContain(expected.event.id);
    }
    // Too short to be a typo of anything in particular.
    expect((await search("gh")).hits.total).toBe(0);
    // Unrelated short words stay unmatched.
    for (const query of ["Xylo", "Qwv", "Zebra"]) {
      const result = await search(`${query}`, { pageSize: 100 });
      expect(result.hits.items.map((hit) => hit.id), query).not.toEqual(expect.arrayContaining([fado.event.id]));
      expect(result.hits.items.map((hit) => hit.id), query).not.toContain(ghost.event.id);
      expect(result.hits.items.map((hit) => hit.id), query).not.toContain(tempest.event.id);
    }
  });

  it("pages through hits", async () => {
    const word = uniqueWord();
    for (let i = 1; i <= 3; i++) await createCatalogEvent({ title: `${word} night ${i}`, sessions: soon(i) });
    const first = await search(word, { pageSize: 2 });
    const second = await search(word, { pageSize: 2, page: 2 });
    expect(first.hits).toMatchObject({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(second.hits).toMatchObject({ page: 2, total: 3 });
    expect(second.hits.items).toHaveLength(1);
    const ids = [...first.hits.items, ...second.hits.items].map((hit) => hit.id);
    expect(new Set(ids).size).toBe(3);
    // Past the end: no hits, but the total is still known.
    expect((await search(word, { pageSize: 2, page: 3 })).hits).toMatchObject({ items: [], page: 3, total: 3, pageCount: 2 });
    expect((await search("brumbltonia", { pageSize: 2, page: 50 })).hits.items).toEqual([]);
  });

  it("never fails on odd input", async () => {
    const word = uniqueWord();
    await createCatalogEvent({ title: `${word} odd input`, sessions: soon() });
    const inputs = [
      `"`,
      `'`,
      `"${word}`,
      `${word}"`,
      `""""`,
      "&|!:*()<->",
      `${word} & | ! : * ( ) <-> <2>`,
      `${word}:*`,
      `!${word}`,
      "(((",
      "\\",
      "%_",
      "'; DROP TABLE events; --",
      "1' OR '1'='1",
      "$1 $2 ?",
      "🎷🎺",
      `🎷 ${word} 🎺`,
      "\uD800 lone surrogate \uDFFF",
      "\u0000\u0001\u0002",
      "<script>alert(1)</script>",
      "NULL",
      "-",
      "or",
      "the and of",
      "x".repeat(5000),
      `${word} `.repeat(1000),
      "ü".repeat(300),
      "   \n\t  ",
      "",
    ];
    for (const input of inputs) {
      const result = await search(input);
      expect(["fulltext", "fuzzy", "empty"], JSON.stringify(input.slice(0, 30))).toContain(result.mode);
      expect(Array.from(result.query).length).toBeLessThanOrEqual(200);
      expect(result.query).not.toMatch(/\p{Cc}/u);
    }
    expect(await prisma.event.count()).toBeGreaterThan(0);
  });

  it("treats blank and symbol-only queries as empty, and cleans what it searches for", async () => {
    for (const blank of ["", "   ", "\n\t", "🎷", "!!!"]) {
      expect(await search(blank)).toMatchObject({ mode: "empty", hits: { items: [], total: 0 }, suggestions: [] });
    }
    const word = uniqueWord();
    const event = await createCatalogEvent({ title: `${word} cleaned`, sessions: soon() });
    const result = await search(`  ${word}\u0000\n  cleaned `);
    expect(result.query).toBe(`${word} cleaned`);
    expect(result.hits.items.map((hit) => hit.id)).toEqual([event.event.id]);
    expect((await search("y".repeat(5000))).query).toHaveLength(200);
    // Truncation never cuts an emoji in half.
    expect(Array.from((await search(`${"a".repeat(199)}🎷🎷`)).query).at(-1)).toBe("🎷");
  });
});
