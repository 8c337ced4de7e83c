// Codes in the buy panel (issue 28), on a phone at 360 px: an access code reveals a hidden
// members' presale and the purchase is made at its price; a promo code takes its share off the
// total shown before paying; an unknown code is said beside the field.
import { expect, test } from "@playwright/test";
import { buyPanel } from "./buying";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  await page.setViewportSize({ width: 360, height: 780 });
});

test("an access code reveals the members' presale, and the guest buys it at its price", async ({ page }) => {
  await page.goto("/events/spreehalle-indie-night");
  const panel = buyPanel(page);
  await expect(panel.getByText("Members' presale")).toHaveCount(0);
  await panel.getByText("Have a code?").click();
  await panel.getByLabel("Promo or access code").fill("spree-members");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByTestId("voucher-applied")).toContainText("SPREE-MEMBERS");
  await expect(panel.getByText("Members' presale")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

  // Only the presale ticket: the preselected one goes back to zero.
  await panel.getByRole("button", { name: /^One .* less$/ }).first().click();
  await panel.getByRole("button", { name: "One more Members' presale" }).click();
  const reserve = panel.getByRole("button", { name: /^Reserve and pay / });
  await expect(reserve).toHaveText("Reserve and pay €9");
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(uniqueEmail("presale"));
  await panel.getByLabel("Your name").fill("Mia Member");
  await reserve.click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay\?access=/);
  await expect(page.getByRole("button", { name: "Pay €9 (test mode)" })).toBeVisible();
});

test("a promo code takes its share off the total before paying; an unknown code is said beside the field", async ({ page }) => {
  await page.goto("/events/sao-bento-jazz-sessions");
  const panel = buyPanel(page);
  const reserve = panel.getByRole("button", { name: /^Reserve and pay / });
  const before = await reserve.textContent();
  await panel.getByText("Have a code?").click();
  await panel.getByLabel("Promo or access code").fill("NOT-A-CODE");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByText("There is no such code")).toBeVisible();
  await panel.getByLabel("Promo or access code").fill("lisboa10");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByTestId("voucher-applied")).toContainText("LISBOA10");
  await expect(reserve).not.toHaveText(before!);
  await expectNoAxeViolations(page);
});
