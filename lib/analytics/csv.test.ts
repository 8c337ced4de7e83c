import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes what needs quoting and ends lines with CRLF", () => {
    expect(toCsv([["a", 'say "hi"', "x,y", 3, null], ["line\nbreak"]])).toBe('a,"say ""hi""","x,y",3,\r\n"line\nbreak"\r\n');
  });

  it("keeps text that looks like a formula as text", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
  });
});
