// npm run validate:feeds [-- <app URL>]: walks every OpenActive feed of a running app with the
// official validators (RPDE protocol: @openactive/rpde-validator; data: @openactive/data-model-validator
// in RPDEFeed mode, offline: the activity list comes from a local copy through its JSON cache)
// and prints errors and warnings by message. Exits 1 on any failure except the `activity` rule
// on events the OpenActive activity list does not cover (docs/decisions/0003-rpde-feed.md).
import { FEED_CATALOGUE } from "../lib/feeds/catalogue";
import { prepareValidatorCache, summarise, validateFeedData, validateFeedProtocol, type ValidatorMessage } from "../lib/feeds/openactive-validation";

/** The one failure the product cannot fix: no activity-list concept for concerts, comedy, tastings. */
const ALLOWED_FAILURE = /^Required property `activity` is missing from `SessionSeries`|When publishing a `FacilityUse`, a data publisher must provide at least one of `facilityType`, `activity`/;

async function main() {
  const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
  const cache = prepareValidatorCache();
  let blocking = 0;
  for (const feed of FEED_CATALOGUE) {
    const url = `${base}${feed.path}`;
    const protocol = await validateFeedProtocol(url);
    const data = await validateFeedData(url, cache);
    const all: ValidatorMessage[] = [...protocol.map((m) => ({ ...m, message: `[rpde] ${m.message}` })), ...data.messages];
    const { bySeverity, byMessage } = summarise(all.filter((m) => m.severity === "failure" || m.severity === "warning"));
    console.log(`\n${feed.path}: ${data.items} items on ${data.pages} pages; failures ${bySeverity.failure ?? 0}, warnings ${bySeverity.warning ?? 0}`);
    for (const [message, count] of byMessage) console.log(`  ${String(count).padStart(5)}  ${message.slice(0, 200)}`);
    blocking += all.filter((m) => m.severity === "failure" && !ALLOWED_FAILURE.test(m.message)).length;
  }
  console.log(blocking ? `\n${blocking} failures to fix` : "\nNo failures besides the documented activity rule.");
  process.exitCode = blocking ? 1 : 0;
}

await main();
