import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations } from "./helpers";

test("the home page lists the seeded events and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Find something to do");
  await expect(page.getByRole("article").first()).toBeVisible();
  expect(await page.getByRole("article").count()).toBeGreaterThan(3);
  await expectNoAxeViolations(page);
});

test("search from home, filter, open an event and add it to a calendar", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search events" }).fill("jazz");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=jazz/);
  await expect(page.getByRole("heading", { name: /results? for “jazz”/ })).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/");
  await page.getByText("Filters", { exact: true }).click();
  await page.getByLabel("What").selectOption("concert");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/category=concert/);
  const first = page.getByRole("article").first();
  await expect(first).toBeVisible();

  await page.goto(`/events/${DEMO.ticketed}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect([jsonLd].flat()[0]["@type"]).toBe("Event");
  // Next may stream the metadata a second time into the body (the same tags): one is enough.
  await expect(page.locator('meta[property="og:title"]').first()).toHaveAttribute("content", /.+/);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).first().click();
  const file = await download;
  const ics = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(ics).toString("utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("BEGIN:VEVENT");
});

test("a draft event is not visible to the public", async ({ page }) => {
  const response = await page.goto("/events/cellar-door-wine-walk");
  expect(response?.status()).toBe(404);
});

test("odd search input never errors", async ({ page }) => {
  for (const q of ['"unbalanced', "a & | ! ( ) <-> :*", "🎷🎉", "x".repeat(5000)]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
  }
});
