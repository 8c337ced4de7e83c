// Turns a form's flat names (`sessions.0.ticketTypes.1.name`) into the nested object the
// schemas read. Numeric segments make arrays; rows removed in the browser leave gaps,
// which are closed up (row order is kept). Files and Next's internal fields are skipped.

type Tree = { [key: string]: Tree | string };

const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);

export function formDataToObject(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root: Tree = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || name.startsWith("$")) continue;
    const path = name.split(".");
    if (path.some((segment) => segment === "" || UNSAFE.has(segment))) continue;
    let node: Tree = root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = node[path[i]];
      if (typeof next === "object") node = next;
      else node = node[path[i]] = {};
    }
    node[path.at(-1)!] = value;
  }
  return toArrays(root) as Record<string, unknown>;
}

function toArrays(node: Tree | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d{1,4}$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => toArrays(node[key]));
  }
  return Object.fromEntries(keys.map((key) => [key, toArrays(node[key])]));
}
