import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAsAttendee, uniqueEmail } from "./helpers";

test("sign up during checkout, buy two tickets, see the confirmation", async ({ page }) => {
  await page.goto(`/events/${DEMO.ticketed}`);
  const firstSession = page.locator('section[aria-labelledby^="session-"]', { has: page.getByRole("button", { name: "Get tickets" }) }).first();
  const select = firstSession.getByRole("combobox").first();
  await select.selectOption("2");
  await firstSession.getByRole("button", { name: "Get tickets" }).click();

  // Not signed in: sign-in page, then sign-up, keeping the chosen tickets.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByText("Your chosen tickets are kept")).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Rita Buyer");
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel(/^Password/).fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/checkout\?/);
  await expect(page.getByRole("heading", { name: "Your tickets" })).toBeVisible();
  const quantities = page.getByRole("spinbutton");
  await expect(quantities.first()).toHaveValue("2");
  await page.getByRole("button", { name: "Reserve and pay" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await expect(page.getByText("Test payments")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expectNoAxeViolations(page);
  // The queue renders the PDFs and emails them; the page follows along without a reload.
  await expect(page.getByTestId("delivery-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
  const pdf = await page.request.get(page.url().replace(/\/orders\/([0-9a-f-]+)$/, "/api/orders/$1/tickets.pdf"));
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
});

test("too many tickets get a clear message next to the field and nothing is held", async ({ page }) => {
  await signInAsAttendee(page);

  await page.goto(`/events/${DEMO.ticketed}`);
  const session = page.locator('section[aria-labelledby^="session-"]', { has: page.getByRole("button", { name: "Get tickets" }) }).first();
  await session.getByRole("combobox").first().selectOption("1");
  await session.getByRole("button", { name: "Get tickets" }).click();
  await expect(page).toHaveURL(/\/checkout\?/);
  await page.getByRole("spinbutton").first().fill("11");
  await page.getByRole("button", { name: "Reserve and pay" }).click();
  await expect(page.getByText("You can buy at most 10 tickets in one order").first()).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\?/);
});

test("book a time slot of an experience", async ({ page }) => {
  await page.goto(`/sign-up?callbackUrl=/events/${DEMO.bookable}`);
  await page.getByLabel("Your name").fill("Bo Booker");
  await page.getByLabel("Email").fill(uniqueEmail("booker"));
  await page.getByLabel(/^Password/).fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${DEMO.bookable}`));

  // Tomorrow is always bookable from opening time.
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel("Day").fill(tomorrow);
  await page.getByRole("button", { name: "Show times" }).click();
  await expect(page).toHaveURL(/date=/);
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { name: "Your booking" })).toBeVisible();
  await page.getByRole("button", { name: "Reserve and pay" }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(1);
});
