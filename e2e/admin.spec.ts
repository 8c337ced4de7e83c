import { expect, test, type Page } from "@playwright/test";
import { chooseTickets, reserveAndPayLocally } from "./buying";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";
import { EVENT_IMAGE } from "./event-image";


const ADMIN_PAGES = ["/admin", "/admin/events", "/admin/events/new", "/admin/orders", "/admin/jobs", "/admin/audit"];


/** A session far enough ahead (and random enough) never to clash with the demo's or another run's. */
function futureSlot(): { startsAt: string; endsAt: string } {
  const day = new Date(Date.now() + (200 + Math.floor(Math.random() * 500)) * 24 * 3600_000).toISOString().slice(0, 10);
  const hour = 8 + Math.floor(Math.random() * 10);
  const pad = (value: number) => String(value).padStart(2, "0");
  return { startsAt: `${day}T${pad(hour)}:00`, endsAt: `${day}T${pad(hour + 2)}:00` };
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

test("an admin creates and publishes an event, an attendee buys it, the dashboard shows the sale", async ({ page }) => {
  // Three sign-ins, an upload, a purchase and two axe passes: more than one minute on a busy machine.
  test.setTimeout(150_000);
  const title = `Rooftop Quartet ${Date.now().toString(36)}`;
  const slot = futureSlot();

  // The admin creates the event: details, image, one session with two ticket types, published.
  await signInAs(page, DEMO.admin);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Events" }).click();
  await page.getByRole("link", { name: "New event" }).click();
  await expect(page.getByRole("heading", { name: "New event", level: 1 })).toBeVisible();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A string quartet on a rooftop at sunset.");
  await page.getByLabel("Description", { exact: true }).fill("Four players, one rooftop and the city below. Bring a jacket: it gets windy after dark.");
  await page.getByLabel("Category").selectOption("concert");
  await page.getByLabel("Venue").selectOption({ index: 1 });
  await expect(page.getByLabel("City")).not.toHaveValue("");
  await page.locator('input[type="file"][name="image"]').setInputFiles({ name: "quartet.png", mimeType: "image/png", buffer: EVENT_IMAGE });
  await page.getByLabel("Image description").fill("Four musicians with their instruments on a rooftop");

  await page.getByRole("button", { name: "Add a session" }).click();
  await page.locator("#field-sessions-0-startsAt").fill(slot.startsAt);
  await page.locator("#field-sessions-0-endsAt").fill(slot.endsAt);
  await page.locator("#field-sessions-0-ticketTypes-0-name").fill("Standard");
  await page.locator("#field-sessions-0-ticketTypes-0-price").fill("15");
  await page.locator("#field-sessions-0-ticketTypes-0-capacity").fill("40");
  await page.getByRole("button", { name: "Add a ticket type to session 1" }).click();
  await page.locator("#field-sessions-0-ticketTypes-1-name").fill("Front row");
  await page.locator("#field-sessions-0-ticketTypes-1-price").fill("35.50");
  await page.locator("#field-sessions-0-ticketTypes-1-capacity").fill("8");
  await page.getByRole("radio", { name: /Published/ }).check();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?notice=created/);
  await expect(page.getByRole("status")).toContainText("Event created.");
  const eventPath = new URL(page.url()).pathname;
  const storefrontLink = page.getByRole("link", { name: "See it on the storefront" });
  const slug = (await storefrontLink.getAttribute("href"))!.replace("/events/", "");

  // A visitor and an attendee see nothing of the admin: 404 pages, 404 API answers.
  await page.context().clearCookies();
  await expectNotFound(page, "/admin");
  await signInAs(page, DEMO.attendee);
  for (const path of [...ADMIN_PAGES, eventPath]) await expectNotFound(page, path);
  expect((await page.request.get("/api/admin/analytics")).status()).toBe(404);
  expect((await page.request.post(`/api/admin/events/delete/${eventPath.split("/").pop()}`, { data: {} })).status()).toBe(404);

  // The attendee buys two standard tickets.
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await chooseTickets(page, 2);
  await reserveAndPayLocally(page);

  // The admin's dashboard counts the sale and its revenue.
  await signInAs(page, DEMO.admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Top events" })).toBeVisible();
  // Other specs sell too, so the event may not make the top five: read its row of the table.
  const row = page.getByTestId("event-figures").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("event-tickets")).toHaveText("2");
  await expect(row.getByTestId("event-net")).toHaveText("€30");
  await expect(page.getByTestId("tickets-sold")).not.toHaveText("0");
  await expect(page.getByRole("img", { name: /Tickets sold per day/ })).toBeVisible();
  await expect(page.getByTestId("revenue-table")).toContainText("EUR");
  await expectNoAxeViolations(page);

  // The sale is on the event's sessions figures and in the CSV export.
  const csv = await page.request.get("/api/admin/analytics/export?report=sessions");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(title);
});

test("an attendee and a visitor are refused everywhere under /admin", async ({ page }) => {
  for (const path of ADMIN_PAGES) await expectNotFound(page, path);
  await signInAs(page, DEMO.attendee);
  for (const path of ADMIN_PAGES) await expectNotFound(page, path);
  expect((await page.request.get("/api/admin/analytics")).status()).toBe(404);
  expect((await page.request.post("/api/admin/events/create", { data: { title: "Sneaky" } })).status()).toBe(404);
});
