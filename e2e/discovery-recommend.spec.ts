import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test.use({ viewport: { width: 360, height: 780 } });

test("an event page shows More like this, linking to other events; a guest's views give For you on the home page", async ({ page }) => {
  await page.goto(`/events/${DEMO.ticketed}`);
  const section = page.getByRole("region", { name: "More like this" });
  await expect(section.getByRole("heading", { level: 2, name: "More like this" })).toBeVisible();
  const links = section.getByRole("list", { name: "More like this" }).getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")))) {
    expect(href).toMatch(/^\/events\//);
    expect(href).not.toBe(`/events/${DEMO.ticketed}`);
  }
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // The view went to this browser's visit history (after load), and the home page picks from it.
  await expect.poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === "lt_viewed")).toBe(true);
  await page.goto("/");
  const forYou = page.getByRole("region", { name: "For you" });
  await expect(forYou).toBeVisible();
  await expect(forYou).toContainText("only this browser remembers them");
  await expect(forYou.getByRole("link").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test("a buyer turns personal picks off on their account: For you goes away", async ({ page }) => {
  await signInAs(page, DEMO.attendee);
  await page.goto(`/events/${DEMO.ticketed}`);
  await expect(page.getByRole("heading", { name: "More like this" })).toBeVisible();
  // The view is recorded by a call after load.
  await page.waitForLoadState("networkidle");
  await page.goto("/");
  await expect(page.getByRole("region", { name: "For you" })).toBeVisible();

  await page.goto("/account");
  const setting = page.getByRole("region", { name: "Personal picks" });
  await setting.getByRole("button", { name: "Turn off and forget what I looked at" }).click();
  await expect(setting.getByTestId("personal-picks-state")).toContainText("Off:");
  await expectNoAxeViolations(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Find something to do" })).toBeVisible();
  await expect(page.getByRole("region", { name: "For you" })).toHaveCount(0);

  await page.goto("/account");
  await page.getByRole("button", { name: "Turn personal picks on" }).click();
  await expect(page.getByTestId("personal-picks-state")).toContainText("On:");
});
