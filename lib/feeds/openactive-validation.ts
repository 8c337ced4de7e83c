// Runs the official OpenActive data-model validator (@openactive/data-model-validator, a dev
// dependency) over RPDE feed pages, offline: its remote-JSON cache is given the activity list
// from the reference copy (or, failing that, the concepts this app ships), so the activity
// rules run without internet. Used by scripts/validate-feeds.ts, the feed validator test and
// the e2e spec that walks the running app's feeds (e2e/open-data.spec.ts).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { FEED_CATALOGUE, type FeedEntry } from "./catalogue";

export type ValidatorMessage = { severity: "failure" | "warning" | "suggestion" | string; type: string; message: string; path: string };

const ACTIVITY_LIST_URLS = ["https://openactive.io/activity-list", "https://openactive.io/activity-list/activity-list.jsonld"];
const REFERENCE_ACTIVITY_LIST = path.resolve(process.cwd(), "../shared/reference/openactive/activity-list.jsonld");

/** The activity list for the validator's cache: the full reference copy when present, else the shipped subset. */
function activityListDocument(file?: string): unknown {
  for (const candidate of [file, REFERENCE_ACTIVITY_LIST]) {
    if (candidate && existsSync(candidate)) return JSON.parse(readFileSync(candidate, "utf8"));
  }
  // Read, not imported: Playwright's loader (e2e/open-data.spec.ts) wants import attributes for JSON.
  const shipped = JSON.parse(readFileSync(new URL("./openactive-activities.json", import.meta.url), "utf8")) as { inScheme: string; license: string; concepts: object[] };
  return {
    "@context": "https://openactive.io/",
    id: shipped.inScheme,
    type: "ConceptScheme",
    license: shipped.license,
    concept: shipped.concepts.map((concept) => ({ ...concept, type: "Concept" })),
  };
}

/** A remote-JSON cache directory holding the activity list, as the validator's json-loader stores it. */
export function prepareValidatorCache(options: { directory?: string; activityListFile?: string } = {}): string {
  const directory = options.directory ?? path.join(os.tmpdir(), "openactive-validator-cache");
  mkdirSync(directory, { recursive: true });
  const data = activityListDocument(options.activityListFile);
  for (const url of ACTIVITY_LIST_URLS) {
    const key = createHash("sha256").update(url).digest("hex");
    const entry = { errorCode: "error_none", data, statusCode: 200, url, exception: null, contentType: "application/ld+json", fetchTime: Date.now() };
    writeFileSync(path.join(directory, `${key}.json`), JSON.stringify(entry));
  }
  return directory;
}

type Validate = (data: unknown, options: Record<string, unknown>) => Promise<ValidatorMessage[]>;
let validateFn: Validate | undefined;
function validator(): Validate {
  validateFn ??= (createRequire(import.meta.url)("@openactive/data-model-validator") as { validate: Validate }).validate;
  return validateFn;
}

/** The validator's messages for one RPDE page (RPDEFeed mode: every item's data). */
export async function validateFeedPage(page: unknown, cacheDirectory: string): Promise<ValidatorMessage[]> {
  return validator()(page, {
    validationMode: "RPDEFeed",
    loadRemoteJson: true,
    remoteJsonCachePath: cacheDirectory,
    remoteJsonCacheTimeToLive: 365 * 24 * 3600,
    rpdeItemLimit: 100_000,
  });
}

/** Counts of messages by severity and by message text (the figures the validate script prints). */
export function summarise(messages: ValidatorMessage[]) {
  const bySeverity: Record<string, number> = {};
  const byMessage = new Map<string, number>();
  for (const message of messages) {
    bySeverity[message.severity] = (bySeverity[message.severity] ?? 0) + 1;
    const key = `${message.severity}: ${message.message.split("\n")[0]}`;
    byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
  }
  return { bySeverity, byMessage: [...byMessage.entries()].sort((a, b) => b[1] - a[1]) };
}

type RpdeLog = { pages: { url: string; errors: { severity: string; message: string; type?: string }[] }[] };
type RpdeValidatorFn = (url: string, options: Record<string, unknown>) => Promise<RpdeLog>;

/** The official RPDE protocol validator (@openactive/rpde-validator) walking one feed URL. */
export async function validateFeedProtocol(url: string, options: { pageLimit?: number } = {}): Promise<ValidatorMessage[]> {
  const { RpdeValidator } = createRequire(import.meta.url)("@openactive/rpde-validator") as { RpdeValidator: RpdeValidatorFn };
  const log = await RpdeValidator(url, { pageLimit: options.pageLimit ?? 1000, timeoutMs: 30_000 });
  return log.pages.flatMap((page) =>
    page.errors.map((error) => ({ severity: error.severity, type: error.type ?? "", message: String(error.message), path: page.url })),
  );
}

/**
 * Follows `next` from a feed's first page to its last, as a consumer does, validating the
 * data of every page (RPDEFeed mode). Stops after `pageLimit` pages.
 */
export async function validateFeedData(url: string, cacheDirectory: string, options: { pageLimit?: number } = {}): Promise<{ messages: ValidatorMessage[]; items: number; pages: number }> {
  const messages: ValidatorMessage[] = [];
  let items = 0;
  let pages = 0;
  let next = url;
  for (; pages < (options.pageLimit ?? 1000); ) {
    // Validating a page takes seconds: a kept-alive connection may have been closed meanwhile.
    const response = await fetch(next).catch(() => fetch(next, { headers: { connection: "close" } }));
    if (!response.ok) {
      messages.push({ severity: "failure", type: "http", message: `GET ${next} answered ${response.status}`, path: next });
      break;
    }
    const page = (await response.json()) as { next: string; items: unknown[] };
    pages += 1;
    if (page.items.length === 0) break;
    items += page.items.length;
    messages.push(...(await validateFeedPage(page, cacheDirectory)));
    if (page.next === next) break;
    next = page.next;
  }
  return { messages, items, pages };
}

/**
 * The failures the product cannot fix (docs/decisions/0003-rpde-feed.md): no activity-list
 * concept for concerts, comedy or tastings, and no facility type for a private guide.
 */
export const ALLOWED_FAILURE = /^Required property `activity` is missing from `SessionSeries`|When publishing a `FacilityUse`, a data publisher must provide at least one of `facilityType`, `activity`/;

export type FeedReport = { feed: FeedEntry; items: number; pages: number; messages: ValidatorMessage[]; blocking: ValidatorMessage[] };

/** Both official validators over every feed of a running app at `base` (protocol messages are prefixed `[rpde]`). */
export async function validateRunningApp(base: string, options: { cacheDirectory?: string } = {}): Promise<FeedReport[]> {
  const cache = options.cacheDirectory ?? prepareValidatorCache();
  const reports: FeedReport[] = [];
  for (const feed of FEED_CATALOGUE) {
    const url = `${base.replace(/\/$/, "")}${feed.path}`;
    const protocol = await validateFeedProtocol(url);
    const data = await validateFeedData(url, cache);
    const messages = [...protocol.map((m) => ({ ...m, message: `[rpde] ${m.message}` })), ...data.messages];
    const blocking = messages.filter((m) => m.severity === "failure" && !ALLOWED_FAILURE.test(m.message));
    reports.push({ feed, items: data.items, pages: data.pages, messages, blocking });
  }
  return reports;
}
