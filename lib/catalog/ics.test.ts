import { describe, expect, it } from "vitest";
import { buildIcs, escapeIcsText, foldIcsLine } from "./ics";

const event = {
  title: "Fado, Wine; and \\ Song",
  summary: "An evening of fado in Alfama.\nBring a friend, or two; doors at 19:00.",
  slug: "fado-a-noite-alfama",
  venueName: "Tasca do Chico",
  address: "Rua do Diário de Notícias 39, Lisboa",
};
const session = {
  id: "7f1d2a6e-5c1b-4f7e-9a0e-3f4b5c6d7e8f",
  startsAt: new Date("2026-11-24T19:30:00.000Z"),
  endsAt: new Date("2026-11-24T22:00:00.000Z"),
};
const now = new Date("2026-11-20T08:15:42.123Z");

/** Undoes folding: CRLF followed by one space joins the next line. */
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("buildIcs", () => {
  const ics = buildIcs(event, session, "https://tickets.example.org/", { now });

  it("uses CRLF line endings only and ends with CRLF", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("never has a line longer than 75 octets", () => {
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("has the required calendar and event properties", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0"]);
    expect(lines).toContain("PRODID:-//Local Tickets//Events//EN");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain(`UID:session-${session.id}@tickets.example.org`);
    expect(lines).toContain("DTSTAMP:20261120T081542Z");
    expect(lines).toContain("DTSTART:20261124T193000Z");
    expect(lines).toContain("DTEND:20261124T220000Z");
    expect(lines).toContain("URL:https://tickets.example.org/events/fado-a-noite-alfama");
    expect(lines.slice(-3)).toEqual(["END:VEVENT", "END:VCALENDAR", ""]);
  });

  it("escapes commas, semicolons, backslashes and newlines in text", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("SUMMARY:Fado\\, Wine\\; and \\\\ Song");
    expect(lines).toContain(
      "DESCRIPTION:An evening of fado in Alfama.\\nBring a friend\\, or two\\; doors at 19:00.\\n\\nhttps://tickets.example.org/events/fado-a-noite-alfama",
    );
    expect(lines).toContain("LOCATION:Tasca do Chico\\, Rua do Diário de Notícias 39\\, Lisboa");
  });

  it("is the same file for the same input", () => {
    expect(buildIcs(event, session, "https://tickets.example.org", { now })).toBe(ics);
  });
});

describe("foldIcsLine", () => {
  it("leaves short lines alone", () => {
    expect(foldIcsLine("SUMMARY:Short")).toBe("SUMMARY:Short");
  });

  it("folds at 75 octets without splitting a multi-byte character, and unfolds to the original", () => {
    const line = `DESCRIPTION:${"é🎷a".repeat(40)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(part).not.toContain("\uFFFD");
    }
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });
});

describe("escapeIcsText", () => {
  it("drops control characters but keeps tabs", () => {
    expect(escapeIcsText("a\u0000b\u0007c\td")).toBe("abc\td");
  });
});
