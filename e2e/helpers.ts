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
