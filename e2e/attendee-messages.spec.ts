// Issue 29.4, the admin's side, at the size of a small phone: an admin writes to everyone
// holding a ticket for an event (after a refusal that names the fields), the message's page
// follows its delivery until nothing is pending, and the dev outbox has the email.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "phone-only checks"));

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test("an admin writes to an event's ticket holders; the message is sent to each address once and lands in the outbox", async ({ page }) => {
  test.setTimeout(120_000);
  const subject = `Parking update ${Date.now().toString(36)}`;
  await signInAs(page, DEMO.admin);
  await page.goto(`/admin/events?q=${encodeURIComponent("Fado")}`);
  await page.getByRole("link", { name: "Fado à Noite em Alfama" }).click();
  await page.getByRole("link", { name: "Messages to attendees" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Messages to attendees");
  // The demo's message, with its delivery figures (one address refused).
  await expect(page.getByRole("listitem").filter({ hasText: "Tonight: doors open at 20:00" })).toContainText(/\d+ sent · 0 pending · 1 failed · 1 bounced/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Nothing written: the server says which fields are missing.
  await page.getByRole("button", { name: "Send to attendees" }).click();
  await expect(page.getByRole("alert", { name: "Please fix these and save again" })).toContainText("Subject:");
  await expect(page.locator("#field-body-error")).toBeVisible();

  await page.getByRole("textbox", { name: "Subject" }).fill(subject);
  await page.getByRole("textbox", { name: "Message" }).fill("The car park on Rua dos Remédios is closed tonight.\n\nTake the 28 tram to Largo das Portas do Sol.");
  await page.getByRole("button", { name: "Send to attendees" }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\/messages\/[0-9a-f-]{36}\?notice=queued$/);
  await expect(page.getByRole("status")).toContainText("Your message is on its way");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);

  // The page follows the queue: every recipient sent, none pending or failed.
  await expect(page.getByText(/[1-9]\d* sent · 0 pending · 0 failed/)).toBeVisible({ timeout: 60_000 });
  const recipients = page.locator("[data-recipient]");
  const addresses = await recipients.evaluateAll((items) => items.map((item) => item.getAttribute("data-recipient")));
  expect(addresses.length).toBeGreaterThan(0);
  expect(new Set(addresses).size).toBe(addresses.length);
  await expect(recipients.first()).toContainText("sent");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // The dev outbox has it, framed in the buyer's language (the subject keeps the admin's words).
  const messagePage = page.url();
  await page.goto("/dev/outbox");
  const email = page.getByTestId("outbox-email").filter({ hasText: subject }).filter({ hasText: addresses[0]! });
  await expect(email).toBeVisible();
  await email.click();
  await expect(page.locator("pre")).toContainText("The car park on Rua dos Remédios is closed tonight.");

  // A receiving server refuses it (in development, pressed by hand; with Resend, its webhook):
  // the admin's page shows that address bounced.
  await expect(page.locator("[data-delivery-state]")).toHaveAttribute("data-delivery-state", "sent");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /Bounce this email/ }).click();
  await expect(page.locator("[data-delivery-state]")).toHaveAttribute("data-delivery-state", "bounced");
  await page.goto(messagePage);
  await expect(page.getByText(/\d+ sent · 0 pending · 0 failed · 1 bounced/)).toBeVisible();
  await expect(page.locator(`[data-recipient="${addresses[0]}"]`)).toContainText("bounced");
  await expectNoAxeViolations(page);
});
