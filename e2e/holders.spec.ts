// A name on every ticket and the event's questions (issue 27.3–4), as a guest on a phone: the
// panel asks each ticket's holder what the event needs to know, the order shows each holder,
// and the buyer gives a ticket to someone else, which re-issues its code.
import { expect, test } from "@playwright/test";
import { buyPanel, chooseTickets } from "./buying";
import { expectNoAxeViolations, signUpAndVerify, uniqueEmail } from "./helpers";

const PER_TICKET = "crema-catalana-workshop";
const PER_ORDER = "southwark-ghost-walk";

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  await page.setViewportSize({ width: 360, height: 780 });
});

test("a guest names both tickets and answers each holder's diet, then gives a ticket to a friend: a new code, the old one gone", async ({ page }) => {
  await page.goto(`/events/${PER_TICKET}`);
  await chooseTickets(page, 2);
  const panel = buyPanel(page);
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(uniqueEmail("holders"));
  await panel.getByLabel("Your name").fill("Pau Buyer");
  // The event asks each ticket's holder: their fields are open, one group per ticket.
  const attendees = panel.getByTestId("attendee");
  await expect(attendees).toHaveCount(2);
  await attendees.nth(1).getByLabel("Name on the ticket").fill("Núria Friend");
  await attendees.nth(0).getByRole("radio", { name: "Vegetarian" }).check();
  await attendees.nth(1).getByRole("radio", { name: "Vegan" }).check();
  await attendees.nth(1).getByLabel("Allergies we should know about").fill("Hazelnuts");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);
  await panel.getByRole("button", { name: /^Reserve and pay / }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay\?access=/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  const holders = page.getByTestId("ticket-holder");
  await expect(holders).toHaveCount(2);
  await expect(holders.filter({ hasText: "Pau Buyer" })).toHaveCount(1);
  await expect(holders.filter({ hasText: "Núria Friend" })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // Give Núria's ticket to someone else: the ticket is re-issued with a new code.
  const ticket = page.getByTestId("ticket").filter({ hasText: "Núria Friend" });
  const oldCode = await ticket.getByTestId("ticket-short-code").textContent();
  const index = (await page.getByTestId("ticket").allTextContents()).findIndex((text) => text.includes("Núria Friend")) + 1;
  await ticket.getByText(`Give ticket ${index} to someone else`).click();
  await ticket.getByLabel("Name on the ticket").fill("Jordi Newholder");
  await ticket.getByLabel("Their email (optional)").fill(uniqueEmail("jordi"));
  await expectNoAxeViolations(page);
  await ticket.getByRole("button", { name: "Save and issue a new code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jordi Newholder" })).toBeVisible();
  const reissued = page.getByTestId("ticket").filter({ hasText: "Jordi Newholder" });
  await expect(reissued.getByTestId("ticket-short-code")).not.toHaveText(oldCode!);
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expect(page.getByText("Núria Friend")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);
});

test("questions asked once per order: a required choice and a consent, in the buyer's language", async ({ page }) => {
  await page.goto(`/es/events/${PER_ORDER}`);
  const panel = buyPanel(page);
  const questions = panel.getByTestId("order-questions");
  await expect(questions.getByText("¿En qué idioma debe hablar el guía?")).toBeVisible();
  await expect(questions.getByRole("checkbox", { name: "Puedo caminar 2 km por calles irregulares y poco iluminadas" })).toBeVisible();
  // Nothing per ticket: naming the tickets is folded away, one tap to open.
  await expect(panel.getByText("¿Compras para amigos? Pon nombre a cada entrada (opcional)")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a friend given a ticket sees it in My tickets once their account has verified that email", async ({ page, browser, baseURL }) => {
  // A free event: the guest's order is paid at once and its page opens.
  await page.goto("/events/cafe-muller-open-mic");
  const panel = buyPanel(page);
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(uniqueEmail("giver"));
  await panel.getByLabel("Your name").fill("Gil Giver");
  await panel.getByRole("button", { name: "Get free tickets" }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  const friend = uniqueEmail("friend");
  const ticket = page.getByTestId("ticket").first();
  await ticket.getByText("Give ticket 1 to someone else").click();
  await ticket.getByLabel("Name on the ticket").fill("Fran Friend");
  await ticket.getByLabel("Their email (optional)").fill(friend);
  await ticket.getByRole("button", { name: "Save and issue a new code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fran Friend" })).toBeVisible();

  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 } });
  const other = await context.newPage();
  await signUpAndVerify(other, { baseURL: baseURL!, email: friend, name: "Fran Friend", password: "a long friendly password" });
  // Confirming signs the friend in and goes on to My tickets.
  await expect(other.getByRole("heading", { name: "My tickets" })).toBeVisible();
  const given = other.getByTestId("given-tickets");
  await expect(given).toContainText("Fran Friend");
  await given.getByRole("link").first().click();
  await expect(other.getByTestId("held-ticket")).toContainText("Fran Friend");
  await expect(other.getByText("Gil Giver bought this ticket and put your name on it.")).toBeVisible();
  await expectNoAxeViolations(other);
  expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
  await context.close();
});
