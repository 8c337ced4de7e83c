import { describe, expect, it } from "vitest";
import { cacheableJson, PUBLIC_API_CACHE_CONTROL } from "./cacheable-json";

const get = (headers: Record<string, string> = {}) => new Request("http://shop.test/api/events", { headers });

describe("cacheable public JSON", () => {
  it("sends the body with Cache-Control and a stable ETag, keeping the caller's headers", async () => {
    const first = cacheableJson(get(), { items: [1, 2] }, { vary: "Accept-Language" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ items: [1, 2] });
    expect(first.headers.get("cache-control")).toBe(PUBLIC_API_CACHE_CONTROL);
    expect(first.headers.get("vary")).toBe("Accept-Language");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("etag")).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(cacheableJson(get(), { items: [1, 2] }).headers.get("etag")).toBe(first.headers.get("etag"));
    expect(cacheableJson(get(), { items: [1, 3] }).headers.get("etag")).not.toBe(first.headers.get("etag"));
  });

  it("answers 304 without a body when If-None-Match has the ETag (weak or strong, in a list, or *)", async () => {
    const etag = cacheableJson(get(), { a: 1 }).headers.get("etag")!;
    for (const ifNoneMatch of [etag, etag.replace("W/", ""), `"other", ${etag}`, "*"]) {
      const answer = cacheableJson(get({ "if-none-match": ifNoneMatch }), { a: 1 });
      expect(answer.status).toBe(304);
      expect(await answer.text()).toBe("");
      expect(answer.headers.get("etag")).toBe(etag);
      expect(answer.headers.get("cache-control")).toBe(PUBLIC_API_CACHE_CONTROL);
    }
    expect(cacheableJson(get({ "if-none-match": '"stale"' }), { a: 1 }).status).toBe(200);
  });
});
