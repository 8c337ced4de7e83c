// Issue 31, items 3 and 4: a city page and a venue page worth landing on, "near" a typed
// place or the visitor's position with distances on the cards, and the sitemap.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations } from "./helpers";

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** The JSON-LD blocks of the page, parsed. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text));
}

/** "450 m", "1.2 km", "17 km" → metres. */
function metres(text: string): number {
  const match = /([\d.,]+)\s*(k?m)/.exec(text);
  if (!match) throw new Error(`no distance in "${text}"`);
  const value = Number(match[1].replace(",", "."));
  return match[2] === "km" ? value * 1000 : value;
}

test.describe("places", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a city page lists what is on sale there, its venues and its calendar; a venue page its address and events", async ({ page }) => {
    await page.goto("/cities/lisbon");
    await expect(page.getByRole("heading", { level: 1, name: "What’s on in Lisbon" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /events? on sale/ })).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(page.getByTestId("city-calendar")).toHaveAttribute("href", /^webcal:\/\/.+\/api\/calendar\/cities\/lisbon$/);
    const [list] = await jsonLd(page);
    expect(list).toMatchObject({ "@type": "ItemList", name: "Lisbon" });
    expect((list.itemListElement as unknown[]).length).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // The city's calendar is a real calendar.
    const feed = await page.request.get("/api/calendar/cities/lisbon");
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await feed.text()).toContain("BEGIN:VEVENT");

    await page.getByRole("link", { name: "Tasca da Saudade" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tasca da Saudade" })).toBeVisible();
    await expect(page.locator("address")).toContainText("Rua de São Miguel 27");
    await expect(page.getByRole("link", { name: "Fado à Noite in Alfama" })).toBeVisible();
    const [place] = await jsonLd(page);
    expect(place).toMatchObject({ "@type": "Place", name: "Tasca da Saudade", geo: { "@type": "GeoCoordinates", latitude: 38.7116 }, address: { "@type": "PostalAddress", addressLocality: "Lisbon" } });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // In Portuguese too, with its own URL.
    await page.goto("/pt/cities/barcelona");
    await expect(page.getByRole("heading", { level: 1, name: "O que há em Barcelona" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("search near a typed place shows each card's distance, nearest first, with the other filters in the URL", async ({ page }) => {
    await page.goto("/search");
    await page.getByText("Filters", { exact: true }).click();
    await page.getByLabel("Near", { exact: true }).fill("Alfama");
    await page.getByLabel("Price").selectOption("50");
    await page.getByRole("button", { name: "Show events" }).click();
    await expect(page).toHaveURL(/place=Alfama/);
    await expect(page).toHaveURL(/price=50/);
    await expect(page.getByTestId("near-summary")).toContainText("Alfama, Lisbon");
    const distances = (await page.getByTestId("distance").allTextContents()).map(metres);
    expect(distances.length).toBeGreaterThan(1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Lisbon's venues are all within a few km of Alfama; Barcelona's are far beyond 100 km.
    expect(distances.at(-1)!).toBeLessThan(100_000);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // Text combines with it; a place we do not know is said and changes nothing.
    await page.goto("/search?q=fado&place=Alfama&radius=5");
    await expect(page.getByRole("link", { name: "Fado à Noite in Alfama" })).toBeVisible();
    await expect(page.getByTestId("distance").first()).toBeVisible();
    await page.goto("/search?q=fado&place=Atlantis");
    await expect(page.getByText("We don’t know a place called “Atlantis”")).toBeVisible();
    await expect(page.getByTestId("distance")).toHaveCount(0);
    await page.goto("/search?q=fado&lat=123&lng=0");
    await expect(page.getByText(/The latitude must be a number between -90 and 90/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Fado à Noite in Alfama" })).toBeVisible();
  });

  test("Near me asks for the position only when pressed and sorts by it", async ({ page, context }) => {
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 41.3851, longitude: 2.1734 });
    await page.goto("/search?q=&category=food");
    await page.getByRole("button", { name: "Near me" }).click();
    await expect(page).toHaveURL(/lat=41\.385&lng=2\.173/);
    await expect(page).toHaveURL(/category=food/);
    await expect(page.getByTestId("near-summary")).toContainText("your location");
    const first = page.getByRole("article").first();
    await expect(first).toContainText("Barcelona");
  });

  test("the sitemap lists every public page in every language, with hreflang alternates", async ({ page, baseURL }) => {
    const response = await page.request.get("/sitemap.xml");
    expect(response.ok()).toBe(true);
    const xml = await response.text();
    const origin = new URL(baseURL!).origin;
    for (const path of ["/cities/lisbon", "/pt/cities/lisbon", "/de/cities/berlin", `/events/${DEMO.ticketed}`, `/ca/events/${DEMO.ticketed}`, "/search"]) {
      expect(xml).toContain(`<loc>${origin}${path}</loc>`);
    }
    expect(xml).toMatch(/<loc>[^<]+\/venues\/[0-9a-f-]{36}<\/loc>/);
    expect(xml).toContain(`hreflang="x-default"`);
    expect(xml).not.toContain("/checkout");
    const robots = await (await page.request.get("/robots.txt")).text();
    expect(robots).toContain("/sitemap.xml");
  });

  test("an event page's markup names its status, offers, full address with geo and organizer", async ({ page }) => {
    await page.goto(`/events/${DEMO.ticketed}`);
    const [event] = (await jsonLd(page)).flat() as Record<string, unknown>[];
    expect(event).toMatchObject({
      "@type": "Event",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      organizer: { "@type": "Organization" },
      location: { "@type": "Place", geo: { "@type": "GeoCoordinates" }, address: { "@type": "PostalAddress", addressLocality: "Lisbon" } },
    });
    expect((event.offers as Record<string, unknown>[])[0]).toMatchObject({ "@type": "Offer", priceCurrency: "EUR", validFrom: expect.any(String), availability: expect.stringMatching(/^https:\/\/schema\.org\//) });
  });
});
