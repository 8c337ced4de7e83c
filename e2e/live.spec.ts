import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { DEMO, expectNoAxeViolations } from "./helpers";

test("a purchase in one browser lowers the places left in another within a second, without a reload", async ({ browser, baseURL }) => {
  const watcherContext = await browser.newContext({ baseURL });
  const buyerContext = await browser.newContext({ baseURL });
  try {
    const watcher = await watcherContext.newPage();
    const buyer = await buyerContext.newPage();

    await buyer.goto("/sign-in?callbackUrl=/");
    await buyer.getByLabel("Email").fill(DEMO.attendee.email);
    await buyer.getByLabel("Password").fill(DEMO.attendee.password);
    await buyer.getByRole("button", { name: "Sign in" }).click();
    await expect(buyer.getByRole("link", { name: "My tickets" })).toBeVisible();

    await buyer.goto(`/events/${DEMO.ticketed}`);
    const typeId = await chooseTickets(buyer, 1);

    // The watching page is open before the sale, and its stream is connected.
    await watcher.goto(`/events/${DEMO.ticketed}`);
    const remaining = watcher.getByTestId(`remaining-${typeId}`);
    await expect(remaining).toHaveAttribute("data-live", "live");
    await expect(remaining).toHaveAttribute("aria-live", "polite");
    // The page may come from the cache, its figure a little behind: count from the stream's.
    await expect(remaining).toHaveAttribute("data-figure", "live");
    const before = Number(/^(\d+) left$/.exec((await remaining.textContent()) ?? "")?.[1]);
    expect(before).toBeGreaterThan(0);
    await watcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await buyPanel(buyer).getByRole("button", { name: /^Reserve and pay / }).click();
    // The hold is committed once the buyer is sent to pay: the places are already taken.
    await expect(buyer).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);

    await expect(remaining).toHaveText(before - 1 === 0 ? "sold out" : `${before - 1} left`, { timeout: 1_000 });
    expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expectNoAxeViolations(watcher);
  } finally {
    await Promise.all([watcherContext.close(), buyerContext.close()]);
  }
});

test("the page falls back to polling when the stream is unavailable", async ({ page }) => {
  await page.route("**/api/stream**", (route) => route.fulfill({ status: 503, body: "" }));
  const polled = page.waitForRequest((request) => request.url().includes("/api/availability?sessions="));
  await page.goto(`/events/${DEMO.ticketed}`);
  const remaining = page.locator('[data-testid^="remaining-"]').first();
  await expect(remaining).toHaveAttribute("data-live", "polling");
  await polled;
  await expect(remaining).toHaveText(/^(\d+ left|sold out)$/);
});
