// npm run validate:feeds [-- <app URL>]: walks every OpenActive feed of a running app with the
// official validators (RPDE protocol: @openactive/rpde-validator; data: @openactive/data-model-validator
// in RPDEFeed mode, offline: the activity list comes from a local copy through its JSON cache)
// and prints errors and warnings by message. Exits 1 on any failure except the ones the product
// cannot fix (ALLOWED_FAILURE, listed in docs/decisions/0003-rpde-feed.md). CI runs the same
// check against the e2e app (e2e/open-data.spec.ts).
import { summarise, validateRunningApp } from "../lib/feeds/openactive-validation";

async function main() {
  const base = process.argv[2] ?? "http://localhost:3000";
  let blocking = 0;
  for (const report of await validateRunningApp(base)) {
    const { bySeverity, byMessage } = summarise(report.messages.filter((m) => m.severity === "failure" || m.severity === "warning"));
    console.log(`\n${report.feed.path}: ${report.items} items on ${report.pages} pages; failures ${bySeverity.failure ?? 0}, warnings ${bySeverity.warning ?? 0}`);
    for (const [message, count] of byMessage) console.log(`  ${String(count).padStart(5)}  ${message.slice(0, 200)}`);
    blocking += report.blocking.length;
  }
  console.log(blocking ? `\n${blocking} failures to fix` : "\nNo failures besides the documented ones.");
  process.exitCode = blocking ? 1 : 0;
}

await main();
