// For a script that runs lib/ code in plain Node and needs the email templates (next-intl's
// translator, which under the react-server condition finds React without its client hooks):
// `import "server-only"` (which throws outside React Server Components) becomes an empty
// module, as vitest's alias does (vitest.config.ts). Use: node --import tsx --import ./scripts/lib/without-server-only.mjs
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
