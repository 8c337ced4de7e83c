import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./urls";

// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so a value that
// merely starts with one "/" can still be read as `//evil.example` (issue 26, item 3).
const LEAVING = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/./\\evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "%2F%2Fevil.example",
  "%2F%09%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "javascript:alert(1)//\\evil.example",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example/account",
  "http://localhost:3000/account",
  "https:evil.example",
  "",
  "account",
];

describe("safeReturnPath", () => {
  it("keeps a path on this site as it is", () => {
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath("/account?tab=upcoming#x")).toBe("/account?tab=upcoming#x");
    expect(safeReturnPath("/pt/orders/0d6c1a43-8a4e-4ea1-9a0c-4f2e3c6f1a2b")).toBe("/pt/orders/0d6c1a43-8a4e-4ea1-9a0c-4f2e3c6f1a2b");
    expect(safeReturnPath("/search?q=fado%20night")).toBe("/search?q=fado%20night");
  });

  it("never returns anything a browser would read as another site", () => {
    for (const value of LEAVING) expect(safeReturnPath(value), JSON.stringify(value)).toBe("/");
  });

  it("keeps encoded slashes encoded: they stay a path on this site", () => {
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeReturnPath("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("answers the fallback for anything that is not a string, and never a header-breaking character", () => {
    expect(safeReturnPath(undefined, "/account")).toBe("/account");
    expect(safeReturnPath(["/a"], "/account")).toBe("/account");
    expect(safeReturnPath("/account\r\nSet-Cookie: x=1")).toBe("/");
    expect(safeReturnPath("/account\u0000")).toBe("/");
  });
});
