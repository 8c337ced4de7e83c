// Loads lib/ in a plain Node process (a test's child worker) the way vitest does: `server-only`
// resolves to an empty module, and everything else to its normal build. (The react-server
// condition would also empty `server-only`, but it gives `react` without hooks, which the
// emails' translator, next-intl, imports.)
//
//   node --import ./tests/server-only-hook.mjs --import tsx tests/<worker>.ts
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

const EMPTY = new URL("./empty-module.ts", import.meta.url).href;

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: EMPTY, shortCircuit: true };
  return nextResolve(specifier, context);
}
