// GET /api/feeds/sessions called as Next calls it: status codes, headers, next URLs.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/feeds/sessions/route";
import { prisma } from "@/lib/db";
import { createTicketedEvent } from "@/tests/fixtures";

const noContext = undefined as never;
const get = (path: string) => GET(new Request(`http://localhost:3100${path}`), noContext);

async function endOfFeed(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ last: bigint | null }[]>`SELECT max(change_number) AS last FROM session_feed_items`;
  return Number(row.last ?? 0);
}

describe("GET /api/feeds/sessions", () => {
  it("serves JSON pages cached for an hour, with an absolute next URL from the last item", async () => {
    await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const response = await get("/api/feeds/sessions?limit=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["items", "license", "next"]);
    expect(body.items).toHaveLength(1);
    expect(typeof body.items[0].modified).toBe("number");
    expect(body.next).toBe(`http://localhost:3100/api/feeds/sessions?afterChangeNumber=${body.items[0].modified}&limit=1`);
  });

  it("marks the last page: no items, next is the page's own URL, cached briefly", async () => {
    await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const path = `/api/feeds/sessions?afterChangeNumber=${await endOfFeed()}`;
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=8");
    expect(await response.json()).toEqual({ next: `http://localhost:3100${path}`, items: [], license: "https://creativecommons.org/licenses/by/4.0/" });
  });

  it("accepts the validator's end-of-feed probe at 2^53-1 as the last page", async () => {
    const path = "/api/feeds/sessions?afterChangeNumber=9007199254740991";
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=8");
    expect(await response.json()).toEqual({ next: `http://localhost:3100${path}`, items: [], license: "https://creativecommons.org/licenses/by/4.0/" });
  });

  it("answers 400 problem+json naming the bad parameter", async () => {
    const cases: [string, string][] = [
      ["afterChangeNumber=abc", "afterChangeNumber"],
      ["afterChangeNumber=-1", "afterChangeNumber"],
      ["afterChangeNumber=1&afterChangeNumber=2", "afterChangeNumber"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=1.5", "limit"],
      ["afterTimestamp=1&afterId=x", "afterTimestamp"],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(`/api/feeds/sessions?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type"), query).toBe("application/problem+json");
      expect(await response.json(), query).toMatchObject({ code: "invalid_query", errors: [{ pointer: parameter, detail: expect.any(String) }] });
    }
  });
});
