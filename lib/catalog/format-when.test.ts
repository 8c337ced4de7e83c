import { describe, expect, it } from "vitest";
import { formatLongDay, formatShortDay, formatShortDayTime, yearNeeded } from "./format-when";

const now = new Date("2026-12-02T10:00:00Z");

describe("dates for buyers", () => {
  it("leaves out the year of this year's dates", () => {
    expect(formatShortDay(new Date("2026-12-12T19:30:00Z"), "Europe/Lisbon", now)).toBe("Sat 12 Dec");
    expect(formatShortDayTime(new Date("2026-12-12T19:30:00Z"), "Europe/London", now)).toBe("Sat 12 Dec, 19:30");
  });

  it("gives the year of next year's dates", () => {
    expect(formatShortDay(new Date("2027-01-08T19:30:00Z"), "Europe/Lisbon", now)).toBe("Fri, 8 Jan 2027");
    expect(formatLongDay(new Date("2027-01-08T19:30:00Z"), "Europe/Berlin", now)).toBe("Friday, 8 January 2027");
  });

  it("writes every date of a page one way: with the year when any of them needs it", () => {
    const december = new Date("2026-12-18T21:00:00Z");
    const january = new Date("2027-01-15T21:00:00Z");
    const withYear = yearNeeded([december, january], "Europe/Lisbon", now);
    expect(withYear).toBe(true);
    expect(yearNeeded([december], "Europe/Lisbon", now)).toBe(false);
    expect([december, january].map((day) => formatShortDay(day, "Europe/Lisbon", now, "en", withYear))).toEqual(["Fri, 18 Dec 2026", "Fri, 15 Jan 2027"]);
    expect(formatShortDayTime(december, "Europe/Lisbon", now, "en", withYear)).toBe("Fri, 18 Dec 2026, 21:00");
  });

  it("decides the year on the venue's clock", () => {
    // 31 Dec 23:30 in London is already 1 Jan in Berlin.
    const lateNewYearsEve = new Date("2026-12-31T23:30:00Z");
    expect(formatShortDay(lateNewYearsEve, "Europe/London", now)).toBe("Thu 31 Dec");
    expect(formatShortDay(lateNewYearsEve, "Europe/Berlin", now)).toBe("Fri, 1 Jan 2027");
  });
});

describe("dates in the reader's language", () => {
  it("writes days and times as each locale does, on the venue's clock", () => {
    const instant = new Date("2026-12-12T19:30:00Z");
    expect(formatLongDay(instant, "Europe/Lisbon", now, "pt")).toBe("sábado, 12 de dezembro");
    expect(formatLongDay(instant, "Europe/Berlin", now, "de")).toBe("Samstag, 12. Dezember");
    expect(formatLongDay(instant, "Europe/Madrid", now, "es")).toBe("sábado, 12 de diciembre");
    expect(formatShortDayTime(instant, "Europe/Madrid", now, "ca")).toMatch(/^ds\., 12 de des\., 20:30$/);
    expect(formatShortDayTime(instant, "Europe/London", now, "en")).toBe("Sat 12 Dec, 19:30");
  });
});
