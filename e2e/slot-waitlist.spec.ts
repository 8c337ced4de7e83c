// The waiting list for a bookable time (docs/decisions/0021), on a phone: a guest chooses the
// demo sailboat's booked sunset time, joins its waiting list and learns where they stand; an
// made-up offer link holds nothing (a real one is followed in lib/waitlist/range-waitlist.integration.test.ts).
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

// Demo (lib/db/seed-demo-waitlist.ts): the sunset charter, 18:00–20:00 the day after tomorrow, booked; one person waiting.
const SLUG = "tagus-sunset-sailing-trip";

function dayAfterTomorrow(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Lisbon" }).format(new Date(Date.now() + 2 * 86_400_000));
}

async function openSunset(page: Page, extra = "") {
  await page.goto(`/events/${SLUG}?date=${dayAfterTomorrow()}&minutes=120${extra}#book`);
  return page.getByRole("region", { name: "Sailboat Gaivota" }).or(page.locator("section#book")).first();
}

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  await page.setViewportSize({ width: 360, height: 780 });
});

test("a guest chooses a booked time and joins its waiting list", async ({ page }) => {
  const panel = await openSunset(page);
  const sunset = panel.locator("label", { hasText: "18:00" });
  await expect(sunset).toContainText("(taken)");
  await sunset.click();
  const join = page.getByTestId("booking-waitlist-join");
  await expect(join.getByText(/18:00, 2 h is taken/)).toBeVisible();
  await join.getByLabel("Email").fill(uniqueEmail("sunset"));
  await join.getByLabel("Name").fill("Sunny Waits");
  await expectNoAxeViolations(page);
  await join.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(page.getByTestId("waitlist-joined")).toContainText(/You're on the waiting list for this time: number 2 in line/);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);
});

test("a link with a code that is not the offer's does not hold the time: it shows taken, as for everyone", async ({ page }) => {
  const panel = await openSunset(page);
  const start = await panel.locator("label", { hasText: "18:00" }).locator("input").getAttribute("value");
  const resource = await panel.locator('input[name="resourceId"]').first().getAttribute("value");
  const crafted = await openSunset(page, `&resource=${resource}&start=${encodeURIComponent(start!)}&offer=WAIT-0000000000000000`);
  await expect(crafted.locator("label", { hasText: "18:00" })).toContainText("(taken)");
  await expect(crafted.getByTestId("booking-offer")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
