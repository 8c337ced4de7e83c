// Issue 21, at the size of a small phone: events on the first screen, buying in three taps,
// tickets with the PDF's QR, nothing that scrolls sideways, and the details around them.
import QRCode from "qrcode";
import { expect, test, type Page } from "@playwright/test";
import { TICKET_QR_OPTIONS, ticketQrPath } from "../lib/tickets/ticket-qr";
import { buyPanel } from "./buying";
import { DEMO, expectNoAxeViolations, signInAsAttendee, signInAs } from "./helpers";
import { pdfQrRuns, pdfTextRuns, qrPathRuns } from "./pdf-text";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
// One small phone is the point here; the desktop project would only repeat it.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "phone-only checks"));

const ADMIN_PAGES = ["/admin", "/admin/events", "/admin/events/new", "/admin/orders", "/admin/jobs", "/admin/audit"];

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}


test("home and search show an event on the first screen; filters combine with the text and stay in the URL", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("article").first()).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // A one-tap chip filters the list in place.
  await page.getByRole("link", { name: "This weekend" }).click();
  await expect(page).toHaveURL(/date=weekend/);
  await expect(page.getByRole("link", { name: "This weekend" })).toHaveAttribute("aria-current", "true");

  // Text and filters together, from the same compact form.
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search events" }).fill("walk");
  await page.getByText("Filters", { exact: true }).click();
  await page.getByLabel("What").selectOption("tour");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/\/search\?q=walk&category=tour/);
  await expect(page.getByRole("heading", { name: /results? for “walk”/ })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeInViewport();
  await expect(page.locator("summary", { hasText: "Filters" })).toContainText("1");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Filters alone on the search page list events.
  await page.goto("/search?category=concert");
  await expect(page.getByRole("article").first()).toBeInViewport();
});

test("short words forgive a typo; London is priced in pounds", async ({ page }) => {
  await page.goto("/search?q=Ghst");
  await expect(page.getByRole("article").filter({ hasText: "Southwark Ghost Walk" })).toBeVisible();
  await page.goto("/search?q=Alama");
  await expect(page.getByRole("article").filter({ hasText: "Alfama" }).first()).toBeVisible();

  await page.goto("/events/the-tempest-riverside");
  await expect(page.getByTestId("event-facts")).toContainText("£");
  await expect(page.getByTestId("event-facts")).not.toContainText("€");
});

test("the event page leads with date, venue and price, and a purchase takes at most three taps with the total shown before paying", async ({ page }) => {
  await signInAsAttendee(page);
  await page.goto(`/events/${DEMO.ticketed}`);
  const facts = page.getByTestId("event-facts");
  await expect(facts).toBeInViewport();
  await expect(facts).toContainText(/from €/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Reading on: the Get tickets bar stays in reach.
  await page.getByRole("heading", { name: "Venue" }).scrollIntoViewIfNeeded();
  const bar = page.getByTestId("buy-bar");
  await expect(bar.getByRole("link", { name: "Get tickets" })).toBeInViewport();

  let taps = 0;
  await bar.getByRole("link", { name: "Get tickets" }).click();
  taps++;
  const reserve = buyPanel(page).getByRole("button", { name: /^Reserve and pay / });
  await expect(reserve).toBeInViewport();
  // The total is on the button before anything is paid.
  const total = (await reserve.textContent())!.replace("Reserve and pay ", "");
  expect(total).toMatch(/^€\d/);
  await reserve.click();
  taps++;
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await page.getByRole("button", { name: `Pay ${total} (test mode)` }).click();
  taps++;
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  expect(taps).toBeLessThanOrEqual(3);

  // The web ticket: a QR big enough to scan, encoding the PDF's code.
  const ticket = page.getByTestId("ticket").first();
  const qr = ticket.getByTestId("ticket-qr");
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  const pageCodes = (await page.getByTestId("ticket").evaluateAll((items) => items.map((item) => item.getAttribute("data-code")))) as string[];
  // Under the QR, a short code to type at the door (10 characters, no look-alikes), not the signed one.
  const shortCodes = await page.getByTestId("ticket-short-code").allTextContents();
  expect(shortCodes).toHaveLength(pageCodes.length);
  for (const shortCode of shortCodes) expect(shortCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
  await expect(ticket.getByTestId("ticket-short-code")).toBeVisible();
  const pdf = await page.request.get(page.url().replace(/\/orders\/([0-9a-f-]+)$/, "/api/orders/$1/tickets.pdf"));
  expect(pdf.status()).toBe(200);
  // The PDF prints the same short codes under QR codes that encode the page's signed codes.
  const body = await pdf.body();
  expect(pdfTextRuns(body).filter((run) => /^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/.test(run))).toEqual(shortCodes);
  expect(pdfQrRuns(body)).toEqual(pageCodes.map((code) => qrPathRuns(ticketQrPath(code).d)));
  // The same code and settings draw the same QR as the PDF's: the page's SVG is that QR.
  const expectedSvg = await QRCode.toString(pageCodes[0], { ...TICKET_QR_OPTIONS, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
  // (compared module by module: the browser re-serialises the markup.)
  const expectedModules = /<path stroke="#000000" d="([^"]+)"/.exec(expectedSvg)?.[1];
  expect(expectedModules).toBeTruthy();
  expect(await qr.locator("svg path[stroke]").getAttribute("d")).toBe(expectedModules);

  // My tickets: upcoming first, with the date and the venue.
  await page.goto("/account");
  const upcoming = page.getByRole("list", { name: "Upcoming" });
  await expect(upcoming.getByTestId("ticket-order").first()).toBeVisible();
  await expect(upcoming.getByTestId("ticket-order").filter({ hasText: "São Bento" }).first()).toContainText(/\d{2}:\d{2}/);
  await expectNoAxeViolations(page);
});

test("booking: the times follow the day; a refusal is announced, keeps the choice and offers the nearest free starts", async ({ page, context }) => {
  await signInAsAttendee(page);
  const tomorrow = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
  await page.goto(`/events/${DEMO.bookable}`);
  await page.getByLabel("Day").fill(tomorrow);
  await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
  const panel = buyPanel(page);
  // Choose a start in the middle of the day, so there are free times either side.
  // A taken time can be chosen too (to join its waiting list); the free ones say so.
  const free = panel.locator('input[type="radio"][name="start"][data-free]');
  const middle = free.nth(Math.floor((await free.count()) / 2));
  const chosen = await middle.getAttribute("value");
  await middle.check({ force: true });

  // Someone else takes that very time first (here: the same buyer in another tab).
  const other = await context.newPage();
  await other.goto(`/events/${DEMO.bookable}?date=${tomorrow}`);
  await buyPanel(other).locator(`input[type="radio"][value="${chosen}"]`).check({ force: true });
  await buyPanel(other).getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(other).toHaveURL(/\/pay$/);
  await other.close();

  await panel.getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(panel.getByRole("alert")).toBeVisible();
  await expect(panel.locator(`input[type="radio"][value="${chosen}"]`)).toBeChecked();
  const nearest = panel.getByTestId("nearest-free").getByRole("button");
  await expect(nearest.first()).toBeVisible();
  await expect(panel.getByRole("button", { name: /^Reserve and pay / })).toBeDisabled();
  await nearest.first().click();
  await expect(panel.getByRole("button", { name: /^Reserve and pay / })).toBeEnabled();
  await expectNoAxeViolations(page);
});

test("signed in as admin, no store or admin page scrolls sideways at 360 px; a refused admin page says Page not found", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  // One row of navigation (the header also holds the one-line test-mode banner above it).
  const header = await page.getByRole("banner").locator("nav").boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  for (const path of ["/", "/search?q=jazz", `/events/${DEMO.ticketed}`, `/events/${DEMO.bookable}`, "/account", ...ADMIN_PAGES]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  await page.goto("/admin/orders");
  const order = page.locator('a[href^="/admin/orders/"]').first();
  if (await order.count()) {
    await order.click();
    await expect(page).toHaveURL(/\/admin\/orders\/[0-9a-f-]+/);
    await expectNoSidewaysScroll(page);
  }
  await page.goto("/admin/events");
  await page.locator('a[href^="/admin/events/"]:not([href$="/new"])').first().click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]+/);
  await expectNoSidewaysScroll(page);

  await page.context().clearCookies();
  const refused = await page.goto("/admin");
  expect(refused?.status()).toBe(404);
  await expect(page).toHaveTitle(/^Page not found/);
});
