// The JSON route handlers are thin; these tests check their parsing and status codes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getEvent } from "@/app/api/events/[id]/route";
import { GET as listEventsRoute } from "@/app/api/events/route";
import { GET as searchGet, POST as searchPost } from "@/app/api/search/route";
import { createCatalogEvent, uniqueWord } from "@/tests/catalog-fixtures";

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);
const get = (path: string) => new Request(`http://localhost${path}`);
const post = (body: string) => new Request("http://localhost/api/search", { method: "POST", body, headers: { "content-type": "application/json" } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("GET /api/events", () => {
  it("lists near a position, nearest first with its distance, and refuses a bad position or an unknown place by name", async () => {
    const city = uniqueWord("City");
    const far = await createCatalogEvent({ title: "Far one", city, latitude: 38.75, longitude: -9.2, sessions: [{ startsAt: inAWeek() }] });
    const close = await createCatalogEvent({ title: "Close one", city, latitude: 38.711, longitude: -9.14, sessions: [{ startsAt: inAWeek() }] });
    const response = await listEventsRoute(get(`/api/events?where=${city}&lat=38.7105&lng=-9.1395&radius=25`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([close.event.id, far.event.id]);
    expect(body.items[0].distanceM).toBeLessThan(body.items[1].distanceM);
    const bad = await listEventsRoute(get("/api/events?lat=91&lng=0"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].pointer).toBe("lat");
    const unknown = await searchGet(get("/api/search?q=jazz&place=Atlantis%20Nowhere"));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].pointer).toBe("place");
  });

  it("lists events with the filters, dates as ISO strings", async () => {
    const city = uniqueWord("City");
    const { event } = await createCatalogEvent({ title: "API listing", city, category: "comedy", sessions: [{ startsAt: inAWeek() }] });
    const response = await listEventsRoute(get(`/api/events?where=${city}&category=comedy&unknown=1`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 12, total: 1, pageCount: 1 });
    expect(body.items[0]).toMatchObject({ id: event.id, title: "API listing" });
    expect(body.items[0].nextStartsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("gives text fields in the language Accept-Language asks for, else in the event's own", async () => {
    const city = uniqueWord("City");
    const { event } = await createCatalogEvent({
      title: "Noite de Fado", summary: "Fado na Mouraria.", description: "Uma noite de fado com guitarra portuguesa.", language: "pt", city,
      translations: [{ locale: "en", title: "Fado Night", summary: "Fado in Mouraria.", description: "A night of fado with the Portuguese guitar." }],
      sessions: [{ startsAt: inAWeek() }],
    });
    const ask = (language?: string) => new Request(`http://localhost/api/events?where=${city}`, { headers: language ? { "accept-language": language } : {} });
    const english = await listEventsRoute(ask("en-GB,en;q=0.9"));
    expect(english.headers.get("content-language")).toBe("en");
    expect((await english.json()).items[0]).toMatchObject({ title: "Fado Night", summary: "Fado in Mouraria.", language: "en" });
    expect((await (await listEventsRoute(ask())).json()).items[0]).toMatchObject({ title: "Noite de Fado", language: "pt" });
    const german = await getEvent(new Request(`http://localhost/api/events/${event.id}`, { headers: { "accept-language": "de" } }), params(event.id));
    expect(await german.json()).toMatchObject({ title: "Noite de Fado", language: "pt", originalLanguage: "pt", untranslated: true });
    const detail = await getEvent(new Request(`http://localhost/api/events/${event.id}`, { headers: { "accept-language": "en" } }), params(event.id));
    expect(await detail.json()).toMatchObject({ title: "Fado Night", description: "A night of fado with the Portuguese guitar.", untranslated: false });
  });

  it("answers 400 naming the bad parameter", async () => {
    for (const [query, parameter] of [["category=opera", "category"], ["page=0", "page"], ["date=range&from=2031-01-01", "to"], ["price=cheap", "price"]]) {
      const response = await listEventsRoute(get(`/api/events?${query}`));
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 400, code: "invalid_query", detail: expect.any(String), errors: [{ pointer: parameter }] });
    }
  });
});

describe("GET /api/events/:id", () => {
  it("returns a published event and 404 JSON for drafts, unknown and malformed ids", async () => {
    const { event } = await createCatalogEvent({ title: "API detail", sessions: [{ startsAt: inAWeek() }] });
    const draft = await createCatalogEvent({ title: "API draft", status: "draft", sessions: [{ startsAt: inAWeek() }] });
    const response = await getEvent(get(`/api/events/${event.id}`), params(event.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: event.id, title: "API detail", sessions: [{ onSale: true }] });
    expect(typeof body.sessions[0].startsAt).toBe("string");

    for (const id of [draft.event.id, randomUUID(), "not-a-uuid"]) {
      const missing = await getEvent(get(`/api/events/${id}`), params(id));
      expect(missing.status, id).toBe(404);
      expect(await missing.json()).toMatchObject({ status: 404, code: "not_found", detail: "Event not found." });
    }
  });
});

describe("/api/search", () => {
  it("searches by GET and POST", async () => {
    const word = uniqueWord();
    const { event } = await createCatalogEvent({ title: `${word} API search`, sessions: [{ startsAt: inAWeek() }] });
    const viaGet = await searchGet(get(`/api/search?q=${word}`));
    expect(viaGet.status).toBe(200);
    expect(await viaGet.json()).toMatchObject({ query: word, mode: "fulltext", hits: { total: 1, items: [{ id: event.id }] } });

    const viaPost = await searchPost(post(JSON.stringify({ q: word, page: 1 })));
    expect(viaPost.status).toBe(200);
    expect(await viaPost.json()).toMatchObject({ mode: "fulltext", hits: { total: 1 } });

    const blank = await searchGet(get("/api/search?q="));
    expect(await blank.json()).toMatchObject({ mode: "empty", hits: { total: 0 } });
  });

  it("searches by POST with the query in the URL, as a form sends it", async () => {
    const word = uniqueWord();
    const { event } = await createCatalogEvent({ title: `${word} URL search`, sessions: [{ startsAt: inAWeek() }] });
    const viaUrl = await searchPost(new Request(`http://localhost/api/search?q=${word}`, { method: "POST" }));
    expect(viaUrl.status).toBe(200);
    expect(await viaUrl.json()).toMatchObject({ query: word, mode: "fulltext", hits: { total: 1, items: [{ id: event.id }] } });
    const badFilter = await searchPost(new Request(`http://localhost/api/search?q=${word}&page=0`, { method: "POST" }));
    expect(badFilter.status).toBe(400);
    expect(await badFilter.json()).toMatchObject({ code: "invalid_query", errors: [{ pointer: "page" }] });
  });

  it("answers 400 problems for a missing or non-string q, a bad page and invalid JSON", async () => {
    // Query parameters are named as they are; body values by JSON Pointer ("" = the whole body).
    const cases: [Promise<Response>, string, string][] = [
      [searchGet(get("/api/search")), "invalid_query", "q"],
      [searchGet(get("/api/search?q=jazz&page=-1")), "invalid_query", "page"],
      [searchPost(post("{not json")), "malformed_request", ""],
      [searchPost(post("")), "malformed_request", ""],
      [searchPost(post("null")), "malformed_request", ""],
      [searchPost(post("[]")), "malformed_request", ""],
      [searchPost(post(JSON.stringify({}))), "malformed_request", "/q"],
      [searchPost(post(JSON.stringify({ q: 5 }))), "malformed_request", "/q"],
      [searchPost(post(JSON.stringify({ q: ["jazz"] }))), "malformed_request", "/q"],
      [searchPost(post(JSON.stringify({ q: "jazz", page: 0 }))), "malformed_request", "/page"],
      [searchPost(post(JSON.stringify({ q: "jazz", page: "2" }))), "malformed_request", "/page"],
    ];
    for (const [pending, code, pointer] of cases) {
      const response = await pending;
      expect(response.status, pointer).toBe(400);
      expect(await response.json(), pointer).toMatchObject({ code, detail: expect.any(String), errors: [{ pointer }] });
    }
    const huge = await searchPost(post(JSON.stringify({ q: "x".repeat(20_000) })));
    expect(huge.status).toBe(413);
  });
});

describe("public GETs a CDN can keep (issue 32)", () => {
  it("send Cache-Control and an ETag, and 304 to a client that has the answer", async () => {
    const { event } = await createCatalogEvent({ title: "Kept by the CDN", sessions: [{ startsAt: inAWeek() }] });
    for (const [route, request, context] of [
      [getEvent, () => get(`/api/events/${event.id}`), params(event.id)],
      [listEventsRoute, () => get(`/api/events?where=${encodeURIComponent(event.city)}`), undefined],
    ] as const) {
      const first = await (route as (request: Request, context?: unknown) => Promise<Response>)(request(), context);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+/);
      expect(first.headers.get("vary")).toBe("Accept-Language");
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^W\/"/);
      const again = new Request(request().url, { headers: { "if-none-match": etag } });
      const notModified = await (route as (request: Request, context?: unknown) => Promise<Response>)(again, context);
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("etag")).toBe(etag);
    }
  });
});
