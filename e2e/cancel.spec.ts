// Cancelling under the event's policy (issue 29.1), as a guest on a phone: the event page says
// the policy before paying, the order says until when and what comes back, and one ticket of
// two is cancelled: its place goes back, the refund is the price less the fee, the other stays.
import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

// Demo policy (lib/db/seed-demo-box-office.ts): a 15% fee until 48 hours before; €48 a place.
const FEE_EVENT = "azulejo-tile-painting";

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  await page.setViewportSize({ width: 360, height: 780 });
});

test("a guest sees the policy, buys two places and cancels one: €40.80 back, €7.20 kept, the other ticket stays", async ({ page }) => {
  await page.goto(`/events/${FEE_EVENT}`);
  await expect(page.getByTestId("event-cancellation-policy")).toHaveText("Cancellation until 48 hours before the start, with a 15% fee.");
  // The later date, so the deadline is days away whatever the weekday.
  await buyPanel(page).locator('input[name="date-choice"]').last().check({ force: true });
  await chooseTickets(page, 2);
  const panel = buyPanel(page);
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(uniqueEmail("cancel"));
  await panel.getByLabel("Your name").fill("Rita Refund");
  await panel.getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay\?access=/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");

  await expect(page.getByTestId("cancellation-policy")).toContainText("15% of the price of the places you cancel is kept as a fee");
  const second = page.getByTestId("ticket").nth(1);
  await second.getByRole("button", { name: "Cancel ticket 2" }).click();
  await expect(second.getByText("Cancel? You get €40.80 back; €7.20 is kept as the cancellation fee.")).toBeVisible();
  await expectNoAxeViolations(page);
  await second.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The ticket is cancelled." })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket").nth(1)).toContainText("CANCELLED");
  await expect(page.getByTestId("ticket").nth(0).getByTestId("ticket-short-code")).toBeVisible();
  await expect(page.getByTestId("refunds")).toContainText("€7.20 fee kept");
  await expect(page.getByTestId("refunds")).toContainText("−€40.80");
  // One valid ticket left: the whole order can still go, for that ticket's figure.
  await page.getByTestId("cancellation").getByRole("button", { name: "Cancel this order" }).click();
  await expect(page.getByTestId("cancellation").getByText("You get €40.80 back")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);
});
