// Issue 30: a local host's manager signs in on a phone and sees only their host's events in the
// same dashboard; the platform's own pages are not theirs. The host's public page, linked from
// its events, in the reader's language.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signInAs } from "./helpers";

const MANAGER = { email: "manager@gracia-collective.example", password: "host-password" };

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test("a host's manager sees only their host's events, opens one, and not the platform's pages", async ({ page }) => {
  await signInAs(page, MANAGER);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByText("For Col·lectiu Gràcia")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Jobs" })).toHaveCount(0);

  await nav.getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  const rows = page.getByRole("listitem").filter({ has: page.locator('a[href^="/admin/events/"]') });
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text, "an event of another host").toContain("Barcelona");
  await expectNoSidewaysScroll(page);

  await rows.first().locator('a[href^="/admin/events/"]').click();
  await expect(page.getByLabel("Venue")).toBeVisible();
  await expect(page.getByLabel("Venue").locator("option")).not.toContainText(["Tasca da Saudade"]);

  // The platform's own pages are a 404 for a host's member.
  const jobs = await page.goto("/admin/jobs");
  expect(jobs?.status()).toBe(404);
});

test("a host's page renders in the reader's language, linked from its events", async ({ page }) => {
  await page.goto("/events/flamenco-de-gracia");
  await page.getByTestId("hosted-by").click();
  await expect(page).toHaveURL(/\/hosts\/gracia-collective$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gràcia Collective" })).toBeVisible();
  await expect(page.getByText(/neighbourhood collective/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /events? on sale/ })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.goto("/de/hosts/gracia-collective");
  await expect(page.getByRole("heading", { level: 1, name: "Kollektiv Gràcia" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});
