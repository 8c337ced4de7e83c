// Issue 28, the admin's vouchers at the size of a small phone: create one code (a field error
// from the server first), generate a batch, see them listed by tag; nothing scrolls sideways
// and axe finds nothing.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "phone-only checks"));

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test("an admin creates a voucher, generates a batch of codes and finds them listed by tag", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36).toUpperCase();
  const code = `SPRING-${suffix}`;
  const tag = `e2e-${suffix.toLowerCase()}`;
  await signInAs(page, DEMO.admin);

  await page.goto("/admin/vouchers");
  await expect(page.getByRole("heading", { name: "Vouchers", level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // One code: 120% off is refused next to its field, then 20% is saved.
  await page.getByRole("link", { name: "New voucher" }).click();
  await page.getByLabel("Code (optional)").fill(code.toLowerCase());
  await page.getByLabel("Percent off").fill("120");
  await page.getByLabel("Places it may be used for").fill("50");
  await page.getByRole("button", { name: "Create voucher" }).click();
  await expect(page.locator("#field-value-error")).toContainText("0 to 100");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.getByLabel("Percent off").fill("20");
  await page.getByRole("button", { name: "Create voucher" }).click();
  await expect(page.getByRole("status")).toHaveText("Voucher created.");
  await expect(page.getByRole("heading", { name: code, level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // A batch of 25 codes under a tag.
  await page.goto("/admin/vouchers/generate");
  await page.getByLabel("How many codes").fill("25");
  await page.getByLabel("Prefix (optional)").fill("VIP-");
  await page.getByLabel("Batch name (tag)").fill(tag);
  await page.getByLabel("Kind").selectOption("set_price");
  await page.getByLabel("Price", { exact: true }).fill("0");
  await page.getByLabel("Currency").fill("EUR");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Generate codes" }).click();

  await expect(page.getByRole("status")).toContainText(`25 codes generated under the tag “${tag}”`);
  await expect(page.getByTestId("voucher-count")).toHaveText("25 vouchers");
  await expect(page.getByTestId("voucher-row")).toHaveCount(25);
  await expect(page.getByTestId("voucher-row").first().getByRole("link")).toHaveText(/^VIP-[A-HJKMNP-Z2-9]{10}$/);
  await expect(page.getByRole("link", { name: `Download the “${tag}” codes (CSV)` })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // The single code is listed too, without the tag filter.
  await page.goto("/admin/vouchers");
  await expect(page.getByRole("link", { name: code, exact: true })).toBeVisible();
});
