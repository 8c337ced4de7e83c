import { describe, expect, it } from "vitest";
import { formatShortCode, normaliseShortCode, SHORT_CODE_ALPHABET } from "./short-code";

describe("short ticket codes", () => {
  it("has no look-alike characters", () => {
    for (const char of "01OILU") expect(SHORT_CODE_ALPHABET).not.toContain(char);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(30);
  });

  it("reads a typed code whatever its case, spaces and hyphens", () => {
    for (const typed of ["K7QMR3XT9P", "k7qmr3xt9p", "K7QMR-3XT9P", " k7qm r3xt 9p ", "K7QMR\t3XT9P"]) {
      expect(normaliseShortCode(typed)).toBe("K7QMR3XT9P");
    }
  });

  it("refuses what is not a short code", () => {
    for (const typed of ["", "K7QMR3XT9", "K7QMR3XT9PP", "K7QMR3XT0P", "K7QMR3XTOP", "K7QMR3XT1P", "K7QMR.3XT9P"]) {
      expect(normaliseShortCode(typed)).toBeNull();
    }
    expect(normaliseShortCode("AgEjRWeJq83vASNFZ4mrze8BI0VniavN7wAAAAAKTFQtMjAyNi0wMDE.abc")).toBeNull();
  });

  it("is printed in two groups of five", () => {
    expect(formatShortCode("K7QMR3XT9P")).toBe("K7QMR-3XT9P");
    expect(normaliseShortCode(formatShortCode("K7QMR3XT9P"))).toBe("K7QMR3XT9P");
  });
});
