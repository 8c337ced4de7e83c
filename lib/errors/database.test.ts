import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "./database";

const prismaRaw = (code: string, message: string) =>
  Object.assign(new Error(`\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``), { code: "P2010", meta: {} });

describe("isDatabaseBusy: try again, not a 500", () => {
  it.each([
    ["pg: the server went away under a query", Object.assign(new Error("Connection terminated unexpectedly"), {})],
    ["pg: refused while the server restarts", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["pg: immediate shutdown", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["Prisma raw query: starting up, SQLSTATE only in the message", prismaRaw("57P03", "the database system is not yet accepting connections")],
    ["Prisma: server unreachable", prismaRaw("N/A", "Can't reach database server at 127.0.0.1:5432")],
    ["Prisma: connection closed", new Error("Server has closed the connection.")],
    ["a cause deep down", new Error("query failed", { cause: Object.assign(new Error("x"), { code: "08006" }) })],
    ["statement timeout", Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })],
    ["pool exhausted", new Error("timeout exceeded when trying to connect")],
  ])("%s", (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" })],
    ["a syntax error", prismaRaw("42601", "syntax error at or near \"SELEC\"")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
  ])("not %s", (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
  });
});
