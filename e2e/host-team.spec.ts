// Issue 30 (docs/decisions/0022): a host runs its own team. On a phone, Alfama Nights' owner opens
// "Your host", its team, and invites a manager by email; the invitee, who has no account, opens
// the invitation, gets in with an emailed sign-in link (which makes the account), accepts, and
// sees the host's events in the dashboard. Every page passes axe and none scrolls sideways at 360 px.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, linkFromOutbox, signInAs, uniqueEmail } from "./helpers";

const OWNER = { email: "owner@alfama-nights.example", password: "host-password" };

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test("an owner invites a manager, who accepts with an emailed sign-in link and sees the host's events", async ({ page, baseURL }) => {
  const email = uniqueEmail("new-manager");
  await signInAs(page, OWNER);
  await page.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Your host" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alfama Nights" })).toBeVisible();
  await expect(page.getByLabel("Host's name")).toHaveValue("Alfama Nights");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team: Alfama Nights" })).toBeVisible();
  await expect(page.getByTestId("team-member").filter({ hasText: OWNER.email })).toContainText("owner since");
  // The demo's pending invitation.
  await expect(page.getByTestId("team-invitation").filter({ hasText: "new-door@alfama-nights.example" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();
  await expect(page.getByTestId("team-invitation").filter({ hasText: email })).toBeVisible();

  // The invitee, in a browser with nobody signed in.
  const link = await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "invites you to Alfama Nights" });
  expect(link).toContain("/invitation?token=");
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Invitation to a host's team" })).toBeVisible();
  await expect(page.getByText(/invites you to join Alfama Nights as manager/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`We sent a sign-in link to ${email}`);
  await page.goto(await linkFromOutbox(page, { baseURL: baseURL!, to: email, subject: "Your link to Local Tickets" }));
  await page.getByLabel("Your name").fill("Nuno Newmanager");
  await page.getByRole("button", { name: "Create my account and sign in" }).click();

  // Back on the invitation, signed in as the invited address.
  await page.getByRole("button", { name: "Accept and join Alfama Nights" }).click();
  await expect(page.getByTestId("invitation-accepted")).toHaveText("You are on the team of Alfama Nights now.");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Open the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" }).getByText("For Alfama Nights")).toBeVisible();
  const rows = page.getByRole("listitem").filter({ has: page.locator('a[href^="/admin/events/"]') });
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text, "an event of another host").toContain("Lisbon");
  await expectNoSidewaysScroll(page);

  // A manager does not run the team: its page is a 404.
  const hostPath = new URL(await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Your host" }).evaluate((a: HTMLAnchorElement) => a.href)).pathname;
  expect((await page.goto(`${hostPath}/team`))?.status()).toBe(404);

  // The link is used now.
  await page.goto(link);
  await expect(page.getByTestId("invitation-refused")).toContainText("accepted already");
});
