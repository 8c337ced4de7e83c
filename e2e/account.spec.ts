// Signing in, up and out, and API tokens, at the size of a small phone (issue 21):
//  - the browser stays on the origin it used (127.0.0.1 here, while the app's own URL is
//    localhost), so the session cookie it just got applies;
//  - a refused form keeps what was typed;
//  - a token is made read-only or read-and-buy, with a lifetime of the user's choosing.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signUpAndVerify, uniqueEmail } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
// Nothing here depends on the viewport; the desktop project would only repeat it.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "phone-only checks"));

const PASSWORD = "correct horse battery";

/** Signs up and confirms the email with the link from the outbox (issue 27: a sign-up alone signs nobody in). */
async function signUp(page: Page, baseURL: string, origin: string, email: string, callbackUrl = "/account") {
  await signUpAndVerify(page, { baseURL, origin, email, name: "Ines Origin", password: PASSWORD, callbackUrl });
}

test("opened at 127.0.0.1, signing up, out and in stays on 127.0.0.1 and signed in", async ({ page, baseURL }) => {
  // The app's own URL (AUTH_URL / APP_URL) is http://localhost:<port>; the browser uses another name for it.
  const origin = new URL(baseURL!).origin.replace("localhost", "127.0.0.1");
  expect(origin).toContain("127.0.0.1");
  const email = uniqueEmail("origin");

  await signUp(page, baseURL!, origin, email);
  await expect(page).toHaveURL(`${origin}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${origin}/`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto(`${origin}/sign-in?callbackUrl=/account`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "My tickets" })).toBeVisible();
});

test("a refused sign-up or sign-in keeps the name and email that were typed", async ({ page }) => {
  const email = uniqueEmail("refused");
  const refusal = page.locator("main form").getByRole("alert");
  await page.goto("/sign-up");

  // A password too short: refused by the server (the form leaves checking to it).
  await page.getByLabel("Your name").fill("Rafa Refused");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(refusal).toContainText("Check the highlighted fields");
  await expect(page.getByLabel(/^Password/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your name")).toHaveValue("Rafa Refused");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expectNoAxeViolations(page);

  // A taken email: the same answer as a new one ("check your email"), which tells nobody whether it has an account.
  await page.getByLabel("Email").fill(DEMO.attendee.email);
  await page.getByLabel(/^Password/).fill("not the attendee's password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`Check your email: we sent a message to ${DEMO.attendee.email}`);

  // Signing in with a wrong password keeps the email.
  await page.goto("/sign-up");
  await page.locator("main form").getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not a password of anyone");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(refusal).toContainText("don't match an account");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expectNoAxeViolations(page);
});

test("an API token is made read-only or read-and-buy, with the lifetime chosen", async ({ page, baseURL }) => {
  await signUp(page, baseURL!, "", uniqueEmail("tokens"), "/account/tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "New token" }) });
  await expect(form.getByRole("radio", { name: /Read and buy/ })).toBeChecked();
  await expect(form.getByLabel(/Stops working after/)).toHaveValue("90");
  await expectNoAxeViolations(page);

  // A lifetime out of bounds is refused next to its field.
  await form.getByLabel(/^Name/).fill("Too long");
  await form.getByLabel(/Stops working after/).fill("400");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("Choose between 1 and 365 days.")).toBeVisible();
  await expect(form.getByLabel(/Stops working after/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // Read-only, for a week.
  await form.getByLabel(/^Name/).fill("Calendar sync");
  await form.getByRole("radio", { name: /Read only/ }).check();
  await form.getByLabel(/Stops working after/).fill("7");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveValue(/^lt_/);
  const inAWeek = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(Date.now() + 7 * 24 * 3600_000));
  const row = page.getByTestId("api-token").filter({ hasText: "Calendar sync" });
  await expect(row).toContainText("read-only");
  await expect(row).toContainText(`expires ${inAWeek}`);
  await expectNoAxeViolations(page);

  // Read and buy, by default.
  await form.getByLabel(/^Name/).fill("Box office app");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("api-token").filter({ hasText: "Box office app" })).toContainText("may buy");
});
