import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { DEMO, expectNoAxeViolations, linkFromOutbox, signInAsAttendee, signUpAndVerify, uniqueEmail } from "./helpers";

test("a guest buys two tickets with an email and a name, pays, and opens the order again from the delivery email's link in a fresh browser", async ({ page, browser, baseURL }) => {
  await page.goto(`/events/${DEMO.ticketed}`);
  await chooseTickets(page, 2);
  const panel = buyPanel(page);
  const reserve = panel.getByRole("button", { name: /^Reserve and pay / });
  const total = (await reserve.textContent())!.replace("Reserve and pay ", "");
  // No password, no account: an email and a name in the panel itself.
  await expect(panel.getByLabel(/password/i)).toHaveCount(0);
  const email = uniqueEmail("guest");
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(email);
  await panel.getByLabel("Your name").fill("Rita Guest");
  await expectNoAxeViolations(page);
  await reserve.click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay\?access=/);
  await expect(page.getByText("Test payments")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Pay ${total} (test mode)` }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\?access=[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expect(page.getByTestId("ticket")).toContainText(["Rita Guest", "Rita Guest"]);
  await expect(page.getByTestId("ticket-qr")).toHaveCount(2);
  await expectNoAxeViolations(page);
  // The queue renders the PDFs and emails them; the page follows along without a reload.
  await expect(page.getByTestId("delivery-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });

  // The delivery email's private link opens the order and its PDF in a browser that never signed in.
  const emailed = await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: /tickets for/, link: /https?:\/\/\S+?\/orders\/[0-9a-f-]{36}\?access=[A-Za-z0-9_-]{43}/ });
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(emailed);
  await expect(other.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  const pdfHref = await other.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
  const pdf = await other.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
  // Without the link, the order is not there for a stranger.
  await other.goto(new URL(page.url()).pathname);
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fresh.close();
});

test("a guest's missing email or name is said next to the field, and nothing is held", async ({ page }) => {
  await page.goto(`/events/${DEMO.ticketed}`);
  await chooseTickets(page, 1);
  const panel = buyPanel(page);
  await panel.getByTestId("guest-fields").getByLabel("Email").fill("not-an-email@");
  await panel.getByLabel("Your name").fill("Rita Guest");
  // The browser's own check would stop an invalid email; the server must say it too.
  await page.locator("#buy-form").evaluate((form) => form.setAttribute("novalidate", ""));
  await panel.getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(panel.getByText("Enter the email the tickets go to")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/events/${DEMO.ticketed}`));
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
