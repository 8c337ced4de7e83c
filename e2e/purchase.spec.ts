import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { DEMO, expectNoAxeViolations, linkFromOutbox, signInAsAttendee, signUpAndVerify, uniqueEmail } from "./helpers";

test("sign up during checkout, buy two tickets, see the confirmation", async ({ page, baseURL }) => {
  await page.goto(`/events/${DEMO.ticketed}`);
  await chooseTickets(page, 2);
  const reserve = buyPanel(page).getByRole("button", { name: /^Reserve and pay / });
  const total = (await reserve.textContent())!.replace("Reserve and pay ", "");
  await reserve.click();

  // Not signed in: sign-in page, then sign-up, keeping the chosen tickets.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByText("Your chosen tickets are kept")).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  const email = uniqueEmail();
  await page.getByLabel("Your name").fill("Rita Buyer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  // The verification link signs the new account in and comes back to checkout (issue 27).
  await page.goto(await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "Confirm your email address" }));
  await page.getByRole("button", { name: "Confirm my email" }).click();

  // Back at checkout: the choice is reviewed with its total, not asked again.
  await expect(page).toHaveURL(/\/checkout\?/);
  await expect(page.getByRole("heading", { name: "Your tickets" })).toBeVisible();
  await expect(page.getByText("2 ×")).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText(total);
  await expect(page.getByRole("spinbutton")).toHaveCount(0);
  await page.getByRole("button", { name: `Reserve and pay ${total}` }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await expect(page.getByText("Test payments")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Pay ${total} (test mode)` }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expect(page.getByTestId("ticket-qr")).toHaveCount(2);
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
  const typeId = await chooseTickets(page, 1);
  const calendar = await buyPanel(page).getByRole("link", { name: "Add to calendar" }).getAttribute("href");
  const sessionId = calendar!.split("/").pop();

  // More than the per-order limit can only come from an edited URL: the panel stops at the limit.
  // The review page prices the choice with the purchase's own quote, so it says so at once,
  // offers no button to pay, and the way back to change the tickets.
  await page.goto(`/checkout?event=${DEMO.ticketed}&session=${sessionId}&qty_${typeId}=11`);
  await expect(page.getByText("You can buy at most 10 tickets in one order")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Reserve and pay / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Change tickets" })).toBeVisible();
});

test("book a time slot of an experience", async ({ page, baseURL }) => {
  await signUpAndVerify(page, { baseURL: baseURL!, email: uniqueEmail("booker"), name: "Bo Booker", password: "correct horse battery", callbackUrl: `/events/${DEMO.bookable}` });
  await expect(page).toHaveURL(new RegExp(`/events/${DEMO.bookable}`));

  // Tomorrow is always bookable from opening time; the times follow the day without another tap.
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel("Day").fill(tomorrow);
  await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
  await expect(page.getByRole("button", { name: "Show times" })).toHaveCount(0);
  await buyPanel(page).getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(1);
});
