import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

// A fair on-sale at a set time (issue 28.4), on a 360 px phone: the demo's choir evening opens
// for sale five minutes after the app starts. Before that, a visitor gets a place in its line
// with the countdown and how many are ahead; a reload keeps the place, a second visitor comes
// after; the JSON API answers 503 in_line with the place. Run later than five minutes after
// the start, the line lets each visitor through at once: it says it is their turn. (The e2e
// app opens it an hour after its start, DEMO_ON_SALE_IN_MINUTES in playwright.config.ts.)
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
// One phone walk: the desktop project would only run the same 360 px page again, later.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "phone", "one phone walk"));

const ON_SALE = "/events/south-bank-choir-evening";

async function openLine(page: Page): Promise<{ eventId: string; status: { state: string; position: number | null; opensAt: string | null } }> {
  const answered = page.waitForResponse((response) => /\/api\/events\/[0-9a-f-]{36}\/line$/.test(new URL(response.url()).pathname) && response.request().method() === "POST");
  await page.goto(ON_SALE);
  const response = await answered;
  return { eventId: /\/api\/events\/([0-9a-f-]{36})\/line/.exec(response.url())![1], status: await response.json() };
}

test("a visitor waits in the on-sale's line at 360 px: the countdown, the people ahead, the same place after a reload", async ({ page, browser, baseURL, request }) => {
  const first = await openLine(page);
  const panel = page.getByTestId("sale-line");
  await expect(panel.getByRole("heading", { name: "The line for this on-sale" })).toBeVisible();
  await expect(page.getByTestId("sale-line-status")).toHaveAttribute("aria-live", "polite");
  const opensInMs = Date.parse(first.status.opensAt!) - Date.now();

  if (first.status.state === "admitted") {
    // The sale opened already (the suite ran long): the line lets this visitor through.
    await expect(page.getByTestId("sale-line-turn")).toHaveText(/^It's your turn! Choose your tickets and buy within \d+:\d\d\.$/);
  } else {
    expect(first.status.state).toBe("waiting");
    expect(opensInMs).toBeGreaterThan(0);
    await expect(page.getByTestId("sale-line-opens-in")).toHaveText(/^Sales open in \d+:\d\d$/);
    await expect(page.getByTestId("sale-line-ahead")).toHaveText(/^(You are next|\d+ (person|people) ahead of you) · about \d+ minutes?$/);
    await expect(panel).toContainText(`Your place in line: ${first.status.position}`);
    await expect(panel).toContainText("Keep this page open");

    // Reloading keeps the place.
    const again = await openLine(page);
    expect(again.status.position).toBe(first.status.position);
    await expect(panel).toContainText(`Your place in line: ${first.status.position}`);

    // Another phone arrives after: its place is behind.
    const otherContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const other = await otherContext.newPage();
      const second = await openLine(other);
      expect(second.status.position).toBeGreaterThan(first.status.position!);
      await expect(other.getByTestId("sale-line-ahead")).toHaveText(/\d+ (person|people) ahead of you/);
    } finally {
      await otherContext.close();
    }

    // The JSON API: 503 in_line with Retry-After and the place, nothing bought.
    const options = await (await request.get(`/api/events/${first.eventId}/buy`)).json();
    // The line answers before the basket is read: any ticket type of the event will do.
    const ticketTypeId = options.sessions?.[0]?.ticketTypes?.[0]?.id ?? crypto.randomUUID();
    const api = await request.post(`/api/events/${first.eventId}/buy`, {
      headers: { "idempotency-key": crypto.randomUUID() },
      data: { buyer: { email: uniqueEmail("line"), name: "Line Guest" }, items: [{ ticketTypeId, quantity: 1 }] },
    });
    expect(api.status()).toBe(503);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    const problem = await api.json();
    expect(problem).toMatchObject({ code: "in_line", line: { opensAt: first.status.opensAt } });
    expect(problem.line.position).toBeGreaterThan(first.status.position!);
    expect(problem.line.token).toMatch(/^\d+\.[A-Za-z0-9_-]{22}$/);
  }

  // Fits the phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
});
