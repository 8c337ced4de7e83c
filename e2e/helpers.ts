import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  ticketed: "sao-bento-jazz-sessions",
  bookable: "alfama-private-walking-tour",
  attendee: { email: "attendee@example.com", password: "attendee-password" },
  admin: { email: "admin@example.com", password: "admin-password" },
};

/** WCAG 2.1 A and AA, and axe's best practices (every word in a landmark, one main, headings in order…). */
export async function expectNoAxeViolations(page: Page) {
  // After a refresh (router.refresh after a refused form) the title is put back a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

export function uniqueEmail(prefix = "buyer"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export async function signInAsAttendee(page: Page) {
  await page.goto("/sign-in?callbackUrl=/");
  await page.getByLabel("Email").fill(DEMO.attendee.email);
  await page.getByLabel("Password").fill(DEMO.attendee.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();
}

/** Signs in with email and password from a clean browser (no earlier session), landing on the home page. */
export async function signInAs(page: Page, who: { email: string; password: string }) {
  await page.context().clearCookies();
  await page.goto("/sign-in?callbackUrl=/");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();
}

/**
 * The link in the newest email to `to` whose subject matches, read from the dev outbox (a
 * production build shows it to admins only) by an admin in a browser context of its own. The
 * link is given on `origin` (the app writes its own URL, localhost).
 */
export async function linkFromOutbox(page: Page, options: { baseURL: string; to: string; subject: string | RegExp; origin?: string; link?: RegExp }): Promise<string> {
  const context = await page.context().browser()!.newContext({ baseURL: options.baseURL });
  try {
    const admin = await context.newPage();
    await signInAs(admin, DEMO.admin);
    const email = admin.getByTestId("outbox-email").filter({ hasText: options.to }).filter({ hasText: options.subject }).first();
    // The email is written just after the form's answer: look again until it is there.
    await expect(async () => {
      await admin.goto("/dev/outbox");
      await expect(email).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await email.click();
    const text = (await admin.locator("pre").textContent()) ?? "";
    const link = (options.link ?? /https?:\/\/\S+?token=[A-Za-z0-9_-]{43}/).exec(text)?.[0];
    if (!link) throw new Error(`no link in the email to ${options.to}: ${text}`);
    const url = new URL(link);
    return `${options.origin ?? new URL(options.baseURL).origin}${url.pathname}${url.search}`;
  } finally {
    await context.close();
  }
}

/** Signs up, then confirms the email with the link from the outbox: signed in, back at `callbackUrl`. */
export async function signUpAndVerify(page: Page, options: { baseURL: string; email: string; name?: string; password: string; callbackUrl?: string; origin?: string }) {
  const origin = options.origin ?? "";
  await page.goto(`${origin}/sign-up?callbackUrl=${encodeURIComponent(options.callbackUrl ?? "/account")}`);
  await page.getByLabel("Your name").fill(options.name ?? "Ines Newcomer");
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel(/^Password/).fill(options.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`Check your email: we sent a message to ${options.email}`);
  await page.goto(await linkFromOutbox(page, { baseURL: options.baseURL, to: options.email, subject: "Confirm your email address", origin: options.origin }));
  await page.getByRole("button", { name: "Confirm my email" }).click();
}
