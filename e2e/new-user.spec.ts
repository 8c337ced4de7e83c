// Issue 33, "What a new user met": the rough edges a demanding user found at 360×780 and
// 1280×800, each checked where it shows. Phone checks run in the phone project at 360 px;
// the desktop ones in the desktop project at 1280×800.
import { expect, test, type Page } from "@playwright/test";
import { buyPanel, chooseTickets, reserveAndPayLocally } from "./buying";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

const PHONE = { width: 360, height: 780 };
const LOCALES = ["en", "pt", "es", "ca", "de"] as const;

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** The element's box lies within the window's width. */
async function expectWithinWidth(page: Page, selector: ReturnType<Page["locator"]>) {
  const box = (await selector.boundingBox())!;
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, await selector.innerText()).toBeLessThanOrEqual(width);
}

test.describe("at 360 px", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true, timezoneId: "Europe/Lisbon" });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "phone", "phone-only checks"));

  test("the header fits signed out in every language, with a one-line test-mode banner inside the banner landmark", async ({ page }) => {
    for (const locale of LOCALES) {
      await page.goto(locale === "en" ? "/" : `/${locale}`);
      const header = page.getByRole("banner");
      const note = header.getByTestId("test-mode");
      await expect(note).toBeVisible();
      // One line: no taller than its line height and padding.
      const lineHeight = await note.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
      expect((await note.boundingBox())!.height, `${locale} banner`).toBeLessThan(lineHeight * 2);
      await expectWithinWidth(page, note.locator("span").first());
      // German "Anmelden" and the others: the sign-in button inside the screen.
      await expectWithinWidth(page, header.getByRole("link", { name: /^(Sign in|Entrar|Entra|Anmelden)$/ }));
      await expectNoSidewaysScroll(page);
    }
    // Every word in a landmark (axe's `region`), best practices included.
    await expectNoAxeViolations(page);
  });

  test("the event page's Get tickets bar never covers the ticket rows", async ({ page }) => {
    await page.goto(`/events/${DEMO.ticketed}`);
    const bar = page.getByTestId("buy-bar");
    await page.getByRole("heading", { name: "Venue" }).scrollIntoViewIfNeeded();
    await expect(bar).not.toHaveAttribute("data-hidden");
    // The first ticket row at the bottom of the screen, where the bar sits.
    const row = buyPanel(page).getByRole("listitem").first();
    await row.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 4));
    await expect(bar).toHaveAttribute("data-hidden", "true");
    const plus = row.getByRole("button", { name: /^One more / });
    await expect(plus).toBeInViewport();
    // The bar slides away (a transition): its place is asserted once it has settled.
    await expect
      .poll(async () => {
        const [barBox, plusBox] = [await bar.boundingBox(), await plus.boundingBox()];
        return barBox!.y >= plusBox!.y + plusBox!.height || barBox!.y >= PHONE.height;
      })
      .toBe(true);
    await plus.click();
    await expect(buyPanel(page).locator("output").first()).toHaveText("2");
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });

  test("one date format per page; cards in instant order say the zone where it differs; the Tuesday open mic is on a Tuesday", async ({ page }) => {
    await page.goto(`/events/${DEMO.ticketed}`);
    const chips = await buyPanel(page).locator("fieldset time").allTextContents();
    expect(chips.length).toBeGreaterThan(1);
    const withYear = chips.map((chip) => /\d{4}$/.test(chip));
    expect(new Set(withYear).size, chips.join(" | ")).toBe(1);
    const facts = await page.getByTestId("event-facts").locator("time").innerText();
    expect(/\d{4}/.test(facts)).toBe(withYear[0]);

    // The reader is in Lisbon: a Berlin time says its zone, a Lisbon time does not (in the
    // listing: "For you" above it follows this visit's views, whatever the filter).
    const results = page.locator('section[aria-labelledby="results-heading"]');
    await page.goto("/?where=Berlin");
    await expect(results.getByRole("article").first().getByTestId("venue-zone")).toHaveText(/^ (CET|CEST|GMT\+\d)$/);
    await page.goto("/?where=Lisbon");
    await expect(results.getByRole("article").first().locator("time")).toBeVisible();
    await expect(results.getByRole("article").first().getByTestId("venue-zone")).toHaveCount(0);

    await page.goto("/events/cafe-muller-open-mic");
    await expect(page.getByTestId("event-facts").locator("time")).toHaveText(/^Tue\b/);
  });

  test("search snippets cut mid-sentence say so with an ellipsis", async ({ page }) => {
    await page.goto("/search?q=interval");
    const snippets = await page.getByRole("article").locator("p:has(mark)").allInnerTexts();
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.some((snippet) => snippet.startsWith("…") || snippet.endsWith("…")), snippets.join("\n")).toBe(true);
    await expectNoAxeViolations(page);
  });

  test("a ticket's short code is printed under its QR and admits at the door when typed, online and offline, and amber names the door person", async ({ page }) => {
    test.setTimeout(150_000);
    await signInAs(page, DEMO.attendee);
    await page.goto(`/events/${DEMO.ticketed}`);
    await chooseTickets(page, 2);
    await reserveAndPayLocally(page);
    const codes = await page.getByTestId("ticket-short-code").allTextContents();
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    await expect(page.getByTestId("ticket-short-code").first()).toBeVisible();
    await expectNoAxeViolations(page);

    await signInAs(page, DEMO.admin);
    await page.goto("/check-in");
    const session = page.getByLabel("Session");
    const option = session.locator("option", { hasText: "São Bento Jazz Sessions" }).first();
    await session.selectOption((await option.getAttribute("value"))!);
    // The picker says the time, before the title, and again under it in full.
    await expect(option).toHaveText(/^\w{3} \d{1,2} \w{3}, \d\d:\d\d · /);
    await expect(page.getByTestId("door-session-when")).toContainText(/\d\d:\d\d/);
    await expect(page.getByTestId("door-sync")).toContainText(/door list of \d\d:\d\d/);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    const verdict = page.getByTestId("verdict");
    const type = async (code: string) => {
      await page.getByLabel(/^Ticket code/).fill(code);
      await page.getByRole("button", { name: "Check in" }).click();
    };
    // Typed as a person would: lower case, a space instead of the hyphen.
    await type(codes[0].toLowerCase().replace("-", " "));
    await expect(verdict).toHaveAttribute("data-result", "admitted");
    await expect(verdict).toContainText("Sam Attendee");
    await type(codes[0]);
    await expect(verdict).toHaveAttribute("data-result", "already_checked_in");
    await expect(verdict).toContainText("by Ada Admin at ");
    await expect(verdict).not.toContainText(DEMO.admin.email);

    // Without a connection: matched against the door list the phone synced.
    await page.context().setOffline(true);
    await expect(page.getByTestId("door-sync")).toHaveAttribute("data-online", "no");
    await type(codes[1].replace("-", ""));
    await expect(verdict).toHaveAttribute("data-result", "admitted");
    await expect(verdict).toContainText("offline");
    await expect(verdict).toContainText("Sam Attendee");
    await page.context().setOffline(false);
    await expect(page.getByTestId("door-sync")).toHaveAttribute("data-queued", "0", { timeout: 15_000 });

    // Ticket type names in the reader's language (the event is written in Portuguese).
    await page.goto(`/de/events/${DEMO.ticketed}`);
    await expect(buyPanel(page)).toContainText("Frühbucher");
    await expect(buyPanel(page)).not.toContainText("Early bird");
  });

  test("the admin dashboard at 360 px: every column in reach, the tabs uncut, a readable chart and no-shows from the demo's door", async ({ page }) => {
    await signInAs(page, DEMO.admin);
    await page.goto("/admin");
    await expectNoSidewaysScroll(page);
    const nav = page.getByRole("navigation", { name: "Admin" });
    for (const tab of ["Dashboard", "Events", "Venues", "Orders", "Check-in", "Jobs", "Audit log"]) await expectWithinWidth(page, nav.getByRole("link", { name: tab }));
    // Each figure of the revenue table is on screen without a swipe (the last column, Net, too).
    const revenue = page.getByTestId("revenue-table");
    await expectWithinWidth(page, revenue.locator("tbody tr").first().locator("td").last());
    // The chart's labels are drawn at about 11 px, not shrunk to 5.
    const chart = page.getByRole("img", { name: /Tickets sold per day/ });
    const labelHeight = (await chart.locator("text").first().boundingBox())!.height;
    expect(labelHeight).toBeGreaterThanOrEqual(9);
    // The demo's past sessions had a door: the no-show column says something.
    const noShows = await page.getByTestId("event-no-show").allInnerTexts();
    expect(noShows.some((text) => /%$/.test(text)), noShows.join(" ")).toBe(true);
    await expectWithinWidth(page, page.getByTestId("event-no-show").first());
    await expectNoAxeViolations(page);
    await page.goto("/admin/jobs");
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "desktop", "desktop-only checks"));

  test("the event page shows Reserve and pay on the first screen, and no date cut at the panel's edge", async ({ page }) => {
    await signInAs(page, DEMO.attendee);
    await page.goto(`/events/${DEMO.ticketed}`);
    await expect(buyPanel(page).getByRole("button", { name: /^Reserve and pay / })).toBeInViewport({ ratio: 1 });
    const panel = (await buyPanel(page).boundingBox())!;
    const chips = buyPanel(page).locator("fieldset label");
    for (let index = 0; index < (await chips.count()); index++) {
      const chip = (await chips.nth(index).boundingBox())!;
      expect(chip.x).toBeGreaterThanOrEqual(panel.x);
      expect(chip.x + chip.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
    await expectNoAxeViolations(page);
  });
});
