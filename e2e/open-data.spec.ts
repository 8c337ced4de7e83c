// The official OpenActive validators (RPDE protocol and data model) over every feed of the
// running app with its demo data: what `npm run validate:feeds` does by hand, in CI. The only
// failures allowed are the ones the product cannot fix (docs/decisions/0003-rpde-feed.md).
import { expect, test } from "@playwright/test";
import { summarise, validateRunningApp } from "../lib/feeds/openactive-validation";

// No browser involved: one project is enough.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "desktop", "runs once, in the desktop project"));

test("every feed passes the official OpenActive validators", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const reports = await validateRunningApp(baseURL!);
  for (const report of reports) {
    expect(report.items, `${report.feed.path} has items`).toBeGreaterThan(0);
    expect(report.messages.filter((m) => m.message.startsWith("[rpde]") && m.severity === "failure"), `${report.feed.path}: RPDE protocol`).toEqual([]);
    expect(summarise(report.blocking).byMessage, `${report.feed.path}: data failures`).toEqual([]);
  }
});
