// Every language has every message, and every message is said somewhere: a key missing in
// one language or left behind by a change fails here (and a key missing in English fails
// the typecheck, through the AppConfig typing in types/next-intl.d.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

const root = path.resolve(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree;
}

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [leaf, text] of leaves(value, at)) out.set(leaf, text);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** The ICU argument names of a message ({name}, {count, plural, ...}) and its rich-text tags (<link>). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)) {
    // `=0 {sold out}` and `one {# left}` are a plural's branches, not arguments.
    const before = message.slice(0, match.index).trimEnd();
    if (/(=\d+|\b(zero|one|two|few|many|other))$/.test(before)) continue;
    names.add(match[1]);
  }
  for (const match of message.matchAll(/<([A-Za-z]\w*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const english = leaves(load("en"));

describe("messages", () => {
  for (const locale of LOCALES.filter((candidate) => candidate !== "en")) {
    it(`${locale} has exactly the English keys, with the same arguments`, () => {
      const translated = leaves(load(locale));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) expect(argumentsOf(translated.get(key)!), `${locale}: ${key}`).toEqual(argumentsOf(text));
    });
  }

  it("are valid ICU messages in every language", () => {
    const sample = { count: 2, held: 1, index: 1, page: 1, seconds: 5, minutes: 3, hours: 1, max: 10, min: 30, slot: 30, limit: 10, maxDays: 365, amount: 20 };
    for (const locale of LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: load(locale), onError: (error) => errors.push(error.message) });
      for (const [key, text] of leaves(load(locale))) {
        const values: Record<string, unknown> = { ...sample };
        for (const name of argumentsOf(text)) {
          if (name.startsWith("<")) values[name.slice(1, -1)] = (chunks: unknown) => chunks;
          else values[name] ??= "x";
        }
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every key of every file, not one typed namespace
        (t as any).markup?.(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "function" ? (chunks: string) => chunks : value])));
      }
      expect(errors, locale).toEqual([]);
    }
  });

  it("are all used by the code", () => {
    const sources = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => readFileSync(file, "utf8"));
    const all = sources.join("\n");
    const unused = [...english.keys()].filter((key) => {
      const [namespace, ...rest] = key.split(".");
      const leaf = rest.join(".");
      // The namespace is opened somewhere (getTranslations("ns"), useTranslations("ns"), namespace: "ns", or a typed key list)...
      const opened = new RegExp(`["'\`]${namespace}["'\`]`).test(all);
      // ...and the key is named: t("leaf"), a table of keys ({ heading: "paidHeading" }), or `.says("leaf")`.
      const named = new RegExp(`["'\`]${leaf.replace(/\./g, "\\.")}["'\`]`).test(all);
      return !(opened && named);
    });
    expect(unused).toEqual([]);
  });
});
