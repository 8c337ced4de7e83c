// What a phone keeps for offline use belongs to the account that opened it (issue 26, item 5):
// after signing out, or once someone else signs in on the same phone, a kept order page (the
// tickets and their QR codes) is not shown offline, and the door scanner's lists are gone.
import { expect, test, type Page } from "@playwright/test";
import { chooseTickets, reserveAndPayLocally } from "./buying";
import { DEMO, signInAs } from "./helpers";

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "offline tickets are a phone's"));

/** Buys a ticket, keeps its order page for offline use and returns its path. */
async function keptOrderPage(page: Page): Promise<string> {
  await page.goto(`/events/${DEMO.ticketed}`);
  await chooseTickets(page, 1);
  await reserveAndPayLocally(page);
  const orderPath = new URL(page.url()).pathname;
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("ticket-qr")).toHaveCount(1);
  expect(await page.evaluate(async (path) => Boolean(await caches.match(path)), orderPath)).toBe(true);
  return orderPath;
}

/** Opens `path` without a connection: is an order page with its QR code shown? */
async function shownOffline(page: Page, path: string): Promise<boolean> {
  await page.context().setOffline(true);
  try {
    await page.goto(path).catch(() => undefined);
    return (await page.getByTestId("ticket-qr").count()) > 0;
  } finally {
    await page.context().setOffline(false);
  }
}

test("after signing out, a kept order page is not shown offline and the door lists are gone", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  // Admins can scan: the scanner keeps the door list of a session on the phone.
  await page.goto("/check-in");
  await expect(page.getByTestId("door-sync")).toContainText(/door list of \d\d:\d\d/);
  expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith("check-in:")))).toBe(true);

  const orderPath = await keptOrderPage(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect(await shownOffline(page, orderPath)).toBe(false);
  await page.goto("/");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("check-in:")))).toEqual([]);
  expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("pages")))).toEqual([]);
});

test("a kept order page is not shown offline to the next account signed in on the phone", async ({ page }) => {
  await signInAs(page, DEMO.attendee);
  const orderPath = await keptOrderPage(page);
  expect(await shownOffline(page, orderPath)).toBe(true);

  // Someone else signs in on the same phone, without the first signing out.
  await signInAs(page, DEMO.admin);
  await page.goto("/account");
  expect(await shownOffline(page, orderPath)).toBe(false);
});
