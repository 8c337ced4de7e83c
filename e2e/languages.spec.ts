// The storefront in the languages of its cities: the URL carries the language, the first
// visit follows Accept-Language, the switcher changes it and the choice is remembered, and
// a purchase reads Portuguese from the event page to the tickets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buyPanel } from "./buying";
import { DEMO, expectNoAxeViolations, uniqueEmail } from "./helpers";

type Tree = { [key: string]: string | Tree };
const messages = (locale: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "messages", `${locale}.json`), "utf8")) as Tree;
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
const message = (locale: string, key: string) => new Map(leaves(messages(locale))).get(key)!;

/** English interface sentences that a page in `locale` must not show (long enough not to be a name or a word shared by both). */
function englishLeftovers(locale: string): string[] {
  const translated = new Map(leaves(messages(locale)));
  return leaves(messages("en"))
    .filter(([key, text]) => !key.startsWith("email.") && !key.startsWith("pdf.") && text.length >= 14 && !/[{<]/.test(text) && translated.get(key) !== text)
    .map(([, text]) => text);
}

async function expectNoEnglish(page: Page, locale: string) {
  const text = await page.locator("body").innerText();
  expect(englishLeftovers(locale).filter((english) => text.includes(english))).toEqual([]);
}

const LOCALES = ["pt", "es", "ca", "de"] as const;

test.describe("a browser set to Portuguese", () => {
  test.use({ locale: "pt-PT" });

  test("a first visit follows Accept-Language; the page says its language and its alternates", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/pt$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "pt");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("pt", "home.heading"));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/pt$/);
    for (const locale of ["en", "pt", "es", "ca", "de", "x-default"]) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${locale}"]`)).toHaveCount(1);
    }
  });
});

test("every language renders home and event pages with no English interface left, axe clean", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one viewport is enough for the copy");
  for (const locale of LOCALES) {
    await page.goto(`/${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(message(locale, "home.heading"));
    await expectNoEnglish(page, locale);

    await page.goto(`/${locale}/events/${DEMO.ticketed}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { name: message(locale, "event.tickets") })).toBeVisible();
    await expectNoEnglish(page, locale);
    await expectNoAxeViolations(page);
  }
});

test("an event without the reader's language shows its original, marked, with lang on the text", async ({ page }) => {
  // The ticketed demo event is written in Portuguese and translated into English only.
  await page.goto(`/de/events/${DEMO.ticketed}`);
  await expect(page.getByTestId("original-language")).toContainText("Portugiesisch");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "pt");
  // `/en/...`: the unprefixed URL would follow the German just remembered.
  await page.goto(`/en/events/${DEMO.ticketed}`);
  await expect(page.getByTestId("translated-from")).toContainText("Portuguese");
  await page.goto(`/pt/events/${DEMO.ticketed}`);
  await expect(page.getByTestId("original-language")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /.+/);
});

test("the switcher changes the language of the same page and the choice is remembered", async ({ page }) => {
  await page.goto(`/search?q=jazz`);
  await page.getByTestId("language-switcher").locator("summary").click();
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/\/de\/search\?q=jazz$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  // Back to an unprefixed URL: the remembered choice brings the reader to German.
  await page.goto("/");
  await expect(page).toHaveURL(/\/de$/);
  // Switching back to English is remembered too.
  await page.getByTestId("language-switcher").locator("summary").click();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/search");
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a purchase in Portuguese on a phone: checkout, payment, confirmation and tickets in Portuguese", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone walk");
  const pt = (key: string) => message("pt", key);
  await page.goto(`/pt/events/${DEMO.ticketed}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "pt");
  // No sideways scroll at this width, switcher included.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The steppers speak Portuguese too: "Mais um <type>".
  const panel = buyPanel(page);
  const output = panel.locator("output").first();
  while (Number(await output.textContent()) < 2) await panel.getByRole("button", { name: /^Mais um / }).first().click();
  await expect(output).toHaveText("2");
  const reserve = buyPanel(page).getByRole("button", { name: /^Reservar e pagar / });
  const total = (await reserve.textContent())!.replace("Reservar e pagar ", "");
  expect(total).toMatch(/^\d+(,\d{2})?\s€$/);
  await reserve.click();

  // A guest: an email and a name, in Portuguese, in the panel itself.
  await panel.getByTestId("guest-fields").getByLabel("Email").fill(uniqueEmail("pt"));
  await panel.getByLabel(pt("ticketPanel.guestNameLabel")).fill("Inês Compradora");
  await expectNoEnglish(page, "pt");
  await reserve.click();

  await expect(page).toHaveURL(/\/pt\/orders\/[0-9a-f-]+\/pay/);
  await expectNoEnglish(page, "pt");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Pagar ${total} (modo de teste)` }).click();

  await expect(page).toHaveURL(/\/pt\/orders\/[0-9a-f-]+\?access=/);
  await expect(page.getByTestId("order-status")).toHaveText(pt("order.paidHeading"));
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expectNoEnglish(page, "pt");
  await expectNoAxeViolations(page);
  await expect(page.getByTestId("delivery-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
  await expect(page.getByTestId("delivery-status")).toHaveText(pt("order.deliverySent"));

  // The same confirmation in each other language (the order keeps Portuguese for its email and PDF).
  // The guest's private link, in every language.
  const orderPath = new URL(page.url()).pathname.replace(/^\/pt/, "") + new URL(page.url()).search;
  for (const locale of ["es", "ca", "de"] as const) {
    await page.goto(`/${locale}${orderPath}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByTestId("order-status")).toHaveText(message(locale, "order.paidHeading"));
  }
  // `/en/...` chooses English (the unprefixed URL would follow the remembered German).
  await page.goto(`/en${orderPath}`);
  await expect(page).toHaveURL(new RegExp(`${orderPath.replace("?", "\\?")}$`));
  await expect(page.getByTestId("order-status")).toHaveText(message("en", "order.paidHeading"));
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  test("the header of a signed-in admin keeps to one row in every language", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "phone-only check");
    await page.goto("/sign-in?callbackUrl=/");
    await page.getByLabel("Email").fill(DEMO.admin.email);
    await page.getByLabel("Password").fill(DEMO.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();
    for (const locale of ["en", ...LOCALES]) {
      await page.goto(`/${locale}/events/${DEMO.ticketed}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `${locale} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      // The navigation row (the header also holds the one-line test-mode banner above it).
      expect((await page.getByRole("banner").locator("nav").boundingBox())!.height, `${locale} header wraps`).toBeLessThanOrEqual(64);
      expect((await page.getByRole("banner").boundingBox())!.height, `${locale} header and banner`).toBeLessThanOrEqual(64 + 28);
    }
  });
});
