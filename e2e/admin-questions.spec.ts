// Issue 27.3–4, the admin's side, at the size of a small phone: questions in the event form
// (with a field error from the server), the holder change cutoff, the attendee list's CSV
// from a session's check-in view, and the order page; nothing scrolls sideways.
import { expect, test, type Page } from "@playwright/test";
import { EVENT_IMAGE } from "./event-image";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "phone-only checks"));

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

function futureSlot(): { startsAt: string; endsAt: string } {
  const day = new Date(Date.now() + (200 + Math.floor(Math.random() * 500)) * 24 * 3600_000).toISOString().slice(0, 10);
  const hour = 8 + Math.floor(Math.random() * 10);
  const pad = (value: number) => String(value).padStart(2, "0");
  return { startsAt: `${day}T${pad(hour)}:00`, endsAt: `${day}T${pad(hour + 2)}:00` };
}

test("an admin asks questions of an event and of a new ticket type, in two languages; the form says what is wrong", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Cooking Class ${Date.now().toString(36)}`;
  const slot = futureSlot();
  await signInAs(page, DEMO.admin);
  await page.goto("/admin/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Cook a three-course dinner with a chef.");
  await page.getByLabel("Description", { exact: true }).fill("A hands-on evening: starters, a main and a dessert, then we eat together.");
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("Venue").selectOption({ index: 1 });
  await page.locator('input[type="file"][name="image"]').setInputFiles({ name: "class.png", mimeType: "image/png", buffer: EVENT_IMAGE });
  await page.getByLabel("Image description").fill("A chef's hands chopping herbs");
  await page.getByRole("button", { name: "Add a session" }).click();
  await page.locator("#field-sessions-0-startsAt").fill(slot.startsAt);
  await page.locator("#field-sessions-0-endsAt").fill(slot.endsAt);
  await page.locator("#field-sessions-0-ticketTypes-0-name").fill("Adult");
  await page.locator("#field-sessions-0-ticketTypes-0-price").fill("40");
  await page.locator("#field-sessions-0-ticketTypes-0-capacity").fill("12");
  await page.getByRole("button", { name: "Add a ticket type to session 1" }).click();
  await page.locator("#field-sessions-0-ticketTypes-1-name").fill("Child");
  await page.locator("#field-sessions-0-ticketTypes-1-price").fill("20");
  await page.locator("#field-sessions-0-ticketTypes-1-capacity").fill("6");

  await page.getByLabel("Holder changes close (minutes before the start)").fill("60");
  // A choice question, its second choice left blank: the server names the field.
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#field-questions-0-label").fill("Any dietary needs?");
  await page.locator("#field-questions-0-kind").selectOption("one_choice");
  await page.locator("#field-questions-0-options-0-label").fill("None");
  await page.getByRole("button", { name: "Add a choice" }).click();
  await page.locator("#field-questions-0-required").check();
  await page.locator("#field-questions-0-showAtDoor").check();
  await page.getByTestId("question-translations").first().locator("summary").click();
  await page.locator("#field-questions-0-labelTranslations-de").fill("Besondere Ernährung?");
  // A question of the new Child type: asked of each Child ticket.
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#field-questions-1-label").fill("Child's age");
  await page.locator("#field-questions-1-kind").selectOption("number");
  const child = await page.locator("#field-questions-1-ticketType option", { hasText: "Child" }).getAttribute("value");
  expect(child).toBe("sessions.0.ticketTypes.1");
  await page.locator("#field-questions-1-ticketType").selectOption(child!);
  await expect(page.getByRole("checkbox", { name: "Asked of every ticket's holder", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(page.locator("#field-questions-0-label")).toHaveValue("Child's age");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Create event" }).click();
  const summary = page.getByRole("alert", { name: /Please fix these/ });
  await expect(summary).toContainText("Question 2, choice 2: label: Enter a choice");
  await page.locator("#field-questions-1-options-1-label").fill("Vegetarian");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?notice=created/);

  // The edit form reads them back: in order, the choices' ids shown, the type chosen.
  await expect(page.locator("#field-questions-0-label")).toHaveValue("Child's age");
  await expect(page.locator("#field-questions-0-ticketType option:checked")).toContainText("Child");
  await expect(page.locator("#field-questions-1-label")).toHaveValue("Any dietary needs?");
  await expect(page.locator("#field-questions-1-options-1-id")).toHaveText("vegetarian");
  await expect(page.locator("#field-questions-1-labelTranslations-de")).toHaveValue("Besondere Ernährung?");
  await expect(page.getByLabel("Holder changes close (minutes before the start)")).toHaveValue("60");
  await expectNoSidewaysScroll(page);
});

test("a session's check-in view offers the attendee list as CSV; the order page fits a small phone", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/admin/check-in");
  await page.locator('a[href^="/admin/check-in/"]').first().click();
  const download = page.getByRole("link", { name: "Download the attendee list (CSV)" });
  await expect(download).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  const csvPath = (await download.getAttribute("href"))!;
  const csv = await page.request.get(csvPath);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^holder,holder_email,buyer_email,ticket_type,order_reference,short_code,.*checked_in,checked_in_at$/);

  await page.goto("/admin/orders");
  await page.locator('a[href^="/admin/orders/"]').first().click();
  await expect(page.getByRole("heading", { name: "Tickets" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Door staff and attendees get nothing.
  await page.context().clearCookies();
  await signInAs(page, DEMO.attendee);
  expect((await page.request.get(csvPath)).status()).toBe(404);
});
