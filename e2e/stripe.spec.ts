import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { signInAsAttendee } from "./helpers";

// Runs against the app instance configured with a Stripe key and the fake Stripe server. It buys
// at an event of the platform's own host (London): the demo's connected hosts carry made-up
// Stripe account ids, which a Stripe (this fake too) refuses as destinations; charges on a
// host's behalf are tested against the fake in lib/payouts/payouts.integration.test.ts.
const PLATFORM_EVENT = "bermondsey-cheese-and-cider";
for (const method of ["card", "crypto"] as const) {
  test(`pay through Stripe Checkout by ${method}`, async ({ page }) => {
    await signInAsAttendee(page);

    await page.goto(`/events/${PLATFORM_EVENT}`);
    await chooseTickets(page, 1);
    await buyPanel(page).getByRole("button", { name: /^Reserve and pay / }).click();

    await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
    await page.getByRole("button", { name: method === "card" ? "Pay by card" : "Pay with crypto" }).click();

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
    await expect(page.getByTestId("ticket")).toHaveCount(1);
  });
}

test("a buyer who left Stripe Checkout resumes it from the order page and pays", async ({ page }) => {
  await signInAsAttendee(page);

  await page.goto(`/events/${PLATFORM_EVENT}`);
  await chooseTickets(page, 1);
  await buyPanel(page).getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
  const checkout = page.url();

  // Back to the shop without paying: Checkout's cancel link leads to the pending order.
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "pending");

  // The same Checkout session again, never the local test page.
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
  expect(page.url()).toBe(checkout);
  await page.getByRole("button", { name: "Pay by card" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(1);
});
