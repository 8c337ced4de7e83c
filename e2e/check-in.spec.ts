// At the door (issue 18), on a phone: tickets that stay on the phone offline, an admin who
// makes someone door staff, a scanner that admits each ticket once (online, then offline with
// the queue uploaded when the connection returns), and the admin's view of who came in.
// The camera is not used: the scanner's typed-code fallback takes the same path.
import { expect, test, type Page } from "@playwright/test";
import { chooseTickets, reserveAndPayLocally } from "./buying";
import { DEMO, expectNoAxeViolations, signInAs } from "./helpers";

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === "desktop", "the door is a phone"));

const JAZZ = "São Bento Jazz Sessions";


async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

async function scan(page: Page, code: string) {
  await page.getByLabel(/^Ticket code/).fill(code);
  await page.getByRole("button", { name: "Check in" }).click();
}

function tamper(code: string): string {
  const index = 12;
  return `${code.slice(0, index)}${code[index] === "A" ? "B" : "A"}${code.slice(index + 1)}`;
}

test("tickets stay on the phone offline; door staff admit each ticket once, online and offline; the admin sees who came in", async ({ page }) => {
  // One story across three sign-ins and seven accessibility scans: longer than the default minute.
  test.setTimeout(180_000);
  // An attendee buys two tickets for the next jazz night.
  await signInAs(page, DEMO.attendee);
  await page.goto(`/events/${DEMO.ticketed}`);
  await chooseTickets(page, 2);
  await reserveAndPayLocally(page);
  const orderPath = new URL(page.url()).pathname;
  const codes = (await page.getByTestId("ticket").evaluateAll((items) => items.map((item) => item.getAttribute("data-code")))) as string[];
  expect(codes).toHaveLength(2);
  await expect(page.getByRole("link", { name: "Add to calendar" })).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute("href"))).toBe("/manifest.webmanifest");

  // The service worker keeps the order page: it opens with the QR codes without a connection.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
  await page.reload();
  const cachedCodes = await page.evaluate(async (path) => {
    const kept = await caches.match(path);
    return kept ? (await kept.text()).includes("data-testid=\"ticket-qr\"") : false;
  }, orderPath);
  expect(cachedCodes).toBe(true);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId("ticket-qr")).toHaveCount(2);
  await expect(page.getByTestId("ticket").first()).toHaveAttribute("data-code", codes[0]);
  await page.context().setOffline(false);

  // The admin makes the attendee door staff for the jazz nights.
  await signInAs(page, DEMO.admin);
  await page.goto("/admin/check-in");
  await page.getByLabel("Email").fill(DEMO.attendee.email);
  await page.getByLabel("May check in").selectOption({ label: JAZZ });
  await page.getByRole("button", { name: "Add door staff" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Door staff added" })).toBeVisible();
  await expect(page.getByTestId("staff-grants")).toContainText(`${DEMO.attendee.email}) · ${JAZZ}`);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // At the door: green once, then amber with who and when, red for a forged code.
  await signInAs(page, DEMO.attendee);
  await page.goto("/check-in");
  const session = page.getByLabel("Session");
  const jazzOption = session.locator("option", { hasText: JAZZ }).first();
  await session.selectOption((await jazzOption.getAttribute("value"))!);
  await page.getByLabel("This door").fill("North gate");
  await expect(page.getByTestId("door-sync")).toContainText(/door list of \d\d:\d\d/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  const verdict = page.getByTestId("verdict");
  await scan(page, codes[0]);
  await expect(verdict).toHaveAttribute("data-result", "admitted");
  await expect(verdict).toContainText("Admitted");
  await expect(verdict).toContainText("Sam Attendee");
  await expectNoAxeViolations(page);
  await scan(page, codes[0]);
  await expect(verdict).toHaveAttribute("data-result", "already_checked_in");
  await expect(verdict).toContainText(/Already checked in at \d\d:\d\d/);
  // The door person by name, not by email (issue 33).
  await expect(verdict).toContainText("by Sam Attendee at North gate");
  await expectNoAxeViolations(page);
  await scan(page, tamper(codes[1]));
  await expect(verdict).toHaveAttribute("data-result", "rejected");
  await expect(verdict).toContainText("Not a valid ticket");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The connection drops: the scanner decides from its door list and queues the admission.
  await page.context().setOffline(true);
  await expect(page.getByTestId("door-sync")).toHaveAttribute("data-online", "no");
  await scan(page, codes[1]);
  await expect(verdict).toHaveAttribute("data-result", "admitted");
  await expect(verdict).toContainText("offline");
  await expect(page.getByTestId("door-sync")).toHaveAttribute("data-queued", "1");
  await scan(page, codes[1]);
  await expect(verdict).toHaveAttribute("data-result", "already_checked_in");
  await scan(page, codes[0]);
  await expect(verdict).toHaveAttribute("data-result", "already_checked_in");
  // Back online: the queue uploads, and the server knows the ticket is in.
  await page.context().setOffline(false);
  await expect(page.getByTestId("door-sync")).toHaveAttribute("data-queued", "0", { timeout: 15_000 });
  await expect(page.getByTestId("door-sync")).toHaveAttribute("data-online", "yes");
  await scan(page, codes[1]);
  await expect(verdict).toHaveAttribute("data-result", "already_checked_in");
  await expect(verdict).not.toContainText("offline");

  // The admin sees both check-ins, one made offline, and undoes one.
  await signInAs(page, DEMO.admin);
  await page.goto("/admin/check-in");
  await page.getByRole("link", { name: new RegExp(`^${JAZZ}`) }).first().click();
  await expect(page.getByTestId("door-figures")).toContainText("checked in");
  const entries = page.getByTestId("check-in").filter({ hasText: "North gate" }).filter({ has: page.getByRole("button", { name: "Undo" }) });
  await expect(page.getByTestId("check-in").filter({ hasText: "(offline)" }).first()).toBeVisible();
  const before = await entries.count();
  expect(before).toBeGreaterThanOrEqual(2);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await entries.first().getByRole("button", { name: "Undo" }).click();
  await expect(entries).toHaveCount(before - 1);
  await expect(page.getByTestId("check-in").filter({ hasText: `undone by ${DEMO.admin.email}` }).first()).toBeVisible();
});
