import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers";

// Runs against the app instance configured with a Stripe key and the fake Stripe server.
for (const method of ["card", "crypto"] as const) {
  test(`pay through Stripe Checkout by ${method}`, async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=/");
    await page.getByLabel("Email").fill(DEMO.attendee.email);
    await page.getByLabel("Password").fill(DEMO.attendee.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();

    await page.goto(`/events/${DEMO.ticketed}`);
    const session = page.locator('section[aria-labelledby^="session-"]', { has: page.getByRole("button", { name: "Get tickets" }) }).first();
    await session.getByRole("combobox").first().selectOption("1");
    await session.getByRole("button", { name: "Get tickets" }).click();
    await page.getByRole("button", { name: "Reserve and pay" }).click();

    await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
    await page.getByRole("button", { name: method === "card" ? "Pay by card" : "Pay with crypto" }).click();

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
    await expect(page.getByTestId("ticket")).toHaveCount(1);
  });
}
