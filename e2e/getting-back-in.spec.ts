// Getting back in (issue 27, item 2), at the size of a small phone: a forgotten password is
// replaced from an emailed link (read from the dev outbox), which signs the owner in and every
// other session out; a new account confirms its email from the link sign-up sends; someone
// without an account gets in with an emailed sign-in link alone.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, linkFromOutbox, uniqueEmail } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up?callbackUrl=/account");
  await page.getByLabel("Your name").fill("Paula Phone");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`Check your email: we sent a message to ${email}`);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in?callbackUrl=/account");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}

test("forgot password: a link from the outbox sets a new password, signs in here and out elsewhere, and works once", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("forgot");
  await signUp(page, email, "the first password");
  // Another phone signed in with the old password.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, "the first password");

  await page.goto("/sign-in?callbackUrl=/account");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`If an account exists for ${email}`);
  await expectNoAxeViolations(page);

  const link = await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "Choose a new password" });
  expect(link).toContain("/reset-password?token=");
  await page.goto(link);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel(/^Password/).fill("a better password");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  // Using the link proved the address: no banner asks to confirm it.
  await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);

  // The other phone's session ended.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.close();

  // The link again: says so, changes nothing.
  await page.goto(link);
  await expect(page.locator("main").getByRole("alert")).toContainText("This link has been used already");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectNoAxeViolations(page);
  await signIn(page, email, "a better password");
});

test("sign-up: a banner asks to confirm the email; the link from the outbox confirms it", async ({ page, baseURL }) => {
  const email = uniqueEmail("verify");
  await signUp(page, email, "my phone password");
  await expectNoAxeViolations(page);

  // Not confirmed yet, the account may still sign in (and buy): a banner asks to confirm.
  await signIn(page, email, "my phone password");
  const banner = page.getByRole("region", { name: "Confirm your email" });
  await expect(banner).toContainText(email);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  const link = await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "Confirm your email address" });
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test("no account and no password: an emailed sign-in link makes the account and signs in", async ({ page, baseURL }) => {
  const email = uniqueEmail("link");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`We sent a sign-in link to ${email}`);

  await page.goto(await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "Your link to Local Tickets" }));
  await expectNoAxeViolations(page);
  await page.getByLabel("Your name").fill("Lia Link");
  await page.getByRole("button", { name: "Create my account and sign in" }).click();
  await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});
