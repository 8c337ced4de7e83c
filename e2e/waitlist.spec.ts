// The waiting list (issue 29.3), on a phone: a guest joins a sold-out show's list from the buy
// panel and learns where they stand, then leaves by the link of the confirmation email; the
// demo's first in line opens their offer's link, finds the held place chosen with the code
// applied, and buys it.
import { expect, test } from "@playwright/test";
import { buyPanel } from "./buying";
import { expectNoAxeViolations, linkFromOutbox, uniqueEmail } from "./helpers";

// Demo (lib/db/seed-demo-waitlist.ts): the sold-out comedy cellar's next show, general admission.
const SOLD_OUT = "kreuzberg-comedy-cellar";
const OFFERED = "lena.weiss@example.org";

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  await page.setViewportSize({ width: 360, height: 780 });
});

test("a guest joins a sold-out type's waiting list, sees their place in line, and leaves by the email's link", async ({ page, baseURL }) => {
  const email = uniqueEmail("waiting");
  await page.goto(`/events/${SOLD_OUT}`);
  const join = page.getByTestId("waitlist-join");
  await expect(join.getByText(/holds them for you for 12 hours/)).toBeVisible();
  await join.getByLabel("Ticket type").selectOption({ label: "General admission" });
  await join.getByLabel(/How many places/).fill("2");
  await join.getByLabel("Email").fill(email);
  await join.getByLabel("Name").fill("Wendy Waits");
  await expectNoAxeViolations(page);
  await join.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(page.getByTestId("waitlist-joined")).toContainText(/You're on the waiting list: number \d+ in line/);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);

  const leave = await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: /waiting list/ });
  await page.goto(leave);
  await expect(page.getByTestId("waitlist-status")).toContainText("You are waiting for 2 places (General admission)");
  await page.getByRole("button", { name: "Leave the waiting list" }).click();
  await expect(page.getByTestId("waitlist-left")).toContainText("You have left the waiting list.");
  await expectNoAxeViolations(page);
});

test("the first in line opens the offer's link: the held place is chosen, the code applied, and it can be bought", async ({ page, baseURL }) => {
  const link = await linkFromOutbox(page, { baseURL: baseURL!, to: OFFERED, subject: /Kreuzberg Comedy Cellar/, link: /https?:\/\/\S+?\?voucher=WAIT-[A-Z0-9_-]+/ });
  // The email is in Lena's German; the walk is read in English.
  await page.goto(link.replace("/de/events/", "/events/"));
  const panel = buyPanel(page);
  await expect(panel.getByTestId("voucher-applied")).toContainText(/WAIT-/);
  await expect(panel.locator("output").first()).toHaveText("1");
  await expectNoAxeViolations(page);
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(OFFERED);
  await panel.getByLabel("Your name").fill("Lena Weiss");
  await panel.getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay\?access=/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
});
